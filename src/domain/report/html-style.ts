// The page's only style: inline, no web fonts or images, readable on a phone (tables scroll inside their box).
export const HTML_STYLE = `
:root{color-scheme:light;--ink:#1b1f24;--muted:#57606a;--line:#d0d7de;--met:#1a7f37;--missed:#cf222e;--bar:#0969da}
*{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;color:var(--ink);background:#fff}
main{max-width:1100px;margin:0 auto;padding:16px}
h1{font-size:1.5rem;margin:.2em 0}h2{font-size:1.2rem;margin-top:1.6em}
.totals{display:grid;grid-template-columns:repeat(auto-fit,minmax(150px,1fr));gap:8px;margin:0;padding:0}
.totals div{border:1px solid var(--line);border-radius:6px;padding:8px}
.totals dt{font-size:.8rem;color:var(--muted)}.totals dd{margin:0;font-size:1.2rem;font-weight:600}
.scroll{overflow-x:auto;max-width:100%;border:1px solid var(--line);border-radius:6px}
table{border-collapse:collapse;min-width:100%;font-size:.9rem}
th,td{text-align:left;padding:6px 8px;border-bottom:1px solid var(--line);white-space:nowrap}
td.title{white-space:normal;min-width:12em}
code{font-size:.85em}
.chart{width:100%}.timeline{width:100%;height:auto;display:block}
.timeline .label,.timeline .axis,.timeline .note{font-size:11px;fill:var(--ink)}
.timeline .axis{fill:var(--muted)}.timeline .tick{stroke:var(--line)}.timeline .track{stroke:var(--line);stroke-width:2}
.timeline .bar{fill:var(--bar)}.timeline .sev-emergency,.timeline .sev-sev0{fill:#8250df}
.timeline .met{fill:var(--met)}.timeline .missed{fill:var(--missed)}
.timeline .over{fill:var(--missed);opacity:.18}.timeline .done{fill:var(--met)}.timeline .undone{fill:#fff;stroke:var(--missed);stroke-width:2}
.ok{color:var(--met)}.bad{color:var(--missed);font-weight:600}
`;
