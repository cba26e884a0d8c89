import { en as zodEnglish, es as zodSpanish } from "zod/locales";
import { z } from "zod/mini";

/** The contract's own messages in Spanish (zod's are translated by its locale). */
const spanish: Record<string, string> = {
  "1–128 letters, digits or . _ - : @ + / =": "de 1 a 128 letras, cifras o . _ - : @ + / =",
  "2–63 lower-case letters, digits and -": "de 2 a 63 minúsculas, cifras y -",
  "a CSS colour: #rgb, #rrggbb, rgb() or hsl()": "un color CSS: #rgb, #rrggbb, rgb() o hsl()",
  "a decimal string such as 59.90": "un importe como 59.90",
  "a length in px, such as 16px": "una medida en px, como 16px",
  "a locale such as es, en or es-MX": "un idioma como es, en o es-MX",
  "a time such as 15:00": "una hora como 15:00",
  "an IANA time zone such as Europe/Madrid": "una zona horaria IANA como Europe/Madrid",
  "an ISO 4217 code such as EUR": "un código ISO 4217 como EUR",
  "an http(s) URL": "una dirección http(s)",
  "an origin such as https://shop.example": "un origen como https://tienda.example",
  "at least 10 characters": "al menos 10 caracteres",
  "inherit or a font-family list such as 'Inter', sans-serif": "inherit o una lista de tipografías como 'Inter', sans-serif",
  "lower-case letters, digits, _ and -": "minúsculas, cifras, _ y -",
  "not zero": "distinto de cero",
};
const spanishPatterns: [RegExp, string][] = [
  [/^(reward|tier|campaign) id "(.*)" is used twice$/, "el identificador «$2» está repetido"],
  [/^reward "(.*)" names unknown tier "(.*)"$/, "el premio «$1» nombra un nivel que no existe: «$2»"],
  [/^campaign "(.*)" ends before it starts$/, "la campaña «$1» termina antes de empezar"],
  [/^campaign "(.*)" must end after it starts \(same day\)$/, "la campaña «$1» debe terminar después de empezar (el mismo día)"],
];

/** Makes zod write its messages in the console's language. */
export function validationLocale(locale: "es" | "en") {
  z.config(locale === "es" ? zodSpanish() : zodEnglish());
}

/** A validation message in the console's language. */
export function translateIssue(message: string, locale: "es" | "en"): string {
  if (locale !== "es") return message;
  const known = spanish[message];
  if (known) return known;
  for (const [pattern, text] of spanishPatterns) if (pattern.test(message)) return message.replace(pattern, text);
  return message;
}
