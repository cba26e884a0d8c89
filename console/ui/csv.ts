/** A CSV cell: quoted when it holds a comma, a quote or a line break; a leading =, +, - or @ is escaped so spreadsheets don't run it. */
function cell(value: string): string {
  const safe = /^[=+\-@]/.test(value) && !/^-?\d/.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export const toCsv = (rows: string[][]) => `${rows.map((row) => row.map(cell).join(",")).join("\r\n")}\r\n`;

/** Downloads rows as a CSV file (UTF-8 with a byte-order mark, so spreadsheets read accents right). */
export function downloadCsv(name: string, rows: string[][]) {
  const url = URL.createObjectURL(new Blob(["\ufeff", toCsv(rows)], { type: "text/csv;charset=utf-8" }));
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
