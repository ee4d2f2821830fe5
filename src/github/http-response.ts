// A whole answer in memory, shaped as the `Response` of `fetch`: what `httpFetch` hands Octokit.
const NULL_BODY = new Set([101, 103, 204, 205, 304]);
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/** An HTTP answer already read to its end; its body can be read once, as with `fetch`. */
export class BufferedResponse implements Response {
  readonly type = "default" as const;
  readonly ok: boolean;
  #used = false;
  #stream: ReadableStream<Uint8Array<ArrayBuffer>> | null | undefined;

  constructor(
    private readonly content: Buffer,
    readonly status: number,
    readonly statusText: string,
    readonly headers: Headers,
    readonly url: string,
    readonly redirected: boolean,
  ) {
    this.ok = status >= 200 && status <= 299;
  }

  /** A stream over the body; once handed out, the body is read through it and the methods below refuse. */
  get body(): ReadableStream<Uint8Array<ArrayBuffer>> | null {
    if (this.#stream !== undefined) return this.#stream;
    const bytes = new Uint8Array(this.content);
    const stream = NULL_BODY.has(this.status) ? null : new ReadableStream<Uint8Array<ArrayBuffer>>({ start(c) {
      if (bytes.byteLength > 0) c.enqueue(bytes);
      c.close();
    } });
    this.#stream = stream;
    return stream;
  }

  get bodyUsed(): boolean {
    return this.#used;
  }

  #take(): Buffer {
    if (this.#used || this.#stream) throw new TypeError("Body is unusable: Body has already been read");
    this.#used = true;
    return this.content;
  }

  async text(): Promise<string> {
    const bytes = this.#take();
    // As fetch's text(): UTF-8, without a leading byte order mark.
    return (bytes.subarray(0, 3).equals(BOM) ? bytes.subarray(3) : bytes).toString("utf8");
  }

  async json(): Promise<unknown> {
    return JSON.parse(await this.text()) as unknown;
  }

  async arrayBuffer(): Promise<ArrayBuffer> {
    const bytes = this.#take();
    return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  }

  async bytes(): Promise<Uint8Array<ArrayBuffer>> {
    return new Uint8Array(await this.arrayBuffer());
  }

  async blob(): Promise<Blob> {
    return new Blob([await this.arrayBuffer()], { type: this.headers.get("content-type") ?? "" });
  }

  async formData(): Promise<FormData> {
    // Rare enough to leave to fetch's own parser.
    return new Response(await this.arrayBuffer(), { headers: this.headers }).formData();
  }

  clone(): BufferedResponse {
    if (this.#used || this.#stream) throw new TypeError("Response.clone: Body has already been consumed.");
    return new BufferedResponse(this.content, this.status, this.statusText, new Headers(this.headers), this.url, this.redirected);
  }
}
