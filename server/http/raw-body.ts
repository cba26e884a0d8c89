import { ApiError } from "../operations/errors.ts";
import type { AppEnv } from "./env.ts";

/**
 * The request body as the bytes that came, up to `limit`: what a signature is computed over (platform webhooks), or a
 * file larger than JSON bodies may be (imports). Read from Node's own request when there is one.
 */
export async function readRawBody(
  c: { env?: AppEnv["Bindings"]; req: { header(name: string): string | undefined; raw: Request } },
  limit: number,
): Promise<Buffer> {
  const tooLarge = () => new ApiError("payload_too_large", `this body is limited to ${limit} bytes`);
  if (Number(c.req.header("content-length") ?? 0) > limit) throw tooLarge();
  const source = (c.env?.incoming ?? c.req.raw.body ?? []) as AsyncIterable<Uint8Array>;
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of source) {
    size += chunk.byteLength;
    if (size > limit) throw tooLarge();
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}
