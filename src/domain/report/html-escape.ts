// Text and attribute values in the HTML page: titles and threat names are user text and must stay text.

/** Text escaped for HTML content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] as string);
}

/** Only links to GitHub web pages, so the page cannot point a reader anywhere else. */
export function safeHref(url: string): string | null {
  return /^https:\/\/[^/\s"'<>]+\/[^\s"'<>]*$/.test(url) ? escapeHtml(url) : null;
}
