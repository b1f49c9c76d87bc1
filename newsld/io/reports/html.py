"""One self-contained HTML page for people: the run's summary, charts of the issues by code and by
severity (inline SVG), and per page its issues with their location and how to fix them,
filterable by severity. No outside resource (styles, script and charts are inline), so it works
from a CI artifact or a file opened offline; without JavaScript everything is shown."""
from __future__ import annotations

from collections import Counter
from html import escape

from newsld.io.reports.common import (
    SEVERITY_RANK,
    is_input_error,
    is_valid,
    line_col,
    printable,
)
from newsld.io.reports.rules import describe

LABEL = {"error": "Error", "warning": "Warning", "info": "Note"}
COLOR = {"error": "#c5221f", "warning": "#b06000", "info": "#1a73e8"}

_CSS = """
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;color:#202124;background:#f8f9fa}
header{background:#fff;border-bottom:1px solid #dadce0;padding:20px 32px}
h1{font-size:22px;margin:0 0 4px} h2{font-size:17px;margin:28px 0 10px} main{padding:0 32px 40px;max-width:1100px}
.cards{display:flex;gap:12px;flex-wrap:wrap;margin-top:16px}
.card{background:#fff;border:1px solid #dadce0;border-radius:8px;padding:12px 18px;min-width:120px}
.card b{display:block;font-size:26px} .card.error b{color:#c5221f} .card.warning b{color:#b06000} .card.ok b{color:#188038}
.charts{display:flex;gap:24px;flex-wrap:wrap} .chart{background:#fff;border:1px solid #dadce0;border-radius:8px;padding:12px}
.filters{position:sticky;top:0;background:#f8f9fa;padding:10px 0;border-bottom:1px solid #dadce0;z-index:1}
.filters label{margin-right:16px;cursor:pointer} #shown{color:#5f6368;margin-left:8px}
details{background:#fff;border:1px solid #dadce0;border-radius:8px;margin:8px 0;padding:0 14px}
summary{cursor:pointer;padding:10px 0;font-weight:600;word-break:break-all}
.badge{display:inline-block;border-radius:10px;padding:0 8px;font-size:12px;color:#fff;margin-left:6px;font-weight:600}
.badge.error{background:#c5221f}.badge.warning{background:#b06000}.badge.info{background:#1a73e8}.badge.ok{background:#188038}
table{border-collapse:collapse;width:100%;margin-bottom:12px} td,th{text-align:left;vertical-align:top;padding:6px 8px;border-top:1px solid #eee}
th{font-size:12px;color:#5f6368;font-weight:600} code{font-size:13px;word-break:break-all} .fix{color:#5f6368;font-size:13px}
td:nth-child(2) code{white-space:nowrap} .sev{font-weight:600} .sev.error{color:#c5221f} .sev.warning{color:#b06000} .sev.info{color:#1a73e8}
body.hide-error tr.error,body.hide-warning tr.warning,body.hide-info tr.info{display:none}
details.empty-now{display:none}
"""

_JS = """
(function(){
  var boxes=document.querySelectorAll('.filters input[data-sev]');
  var only=document.getElementById('only-issues');
  function apply(){
    boxes.forEach(function(b){document.body.classList.toggle('hide-'+b.dataset.sev,!b.checked);});
    var shown=0,total=0;
    document.querySelectorAll('details.page').forEach(function(d){
      var rows=d.querySelectorAll('tr.issue'),vis=0;
      rows.forEach(function(r){total++;if(getComputedStyle(r).display!=='none'){vis++;}});
      shown+=vis;
      d.classList.toggle('empty-now',only.checked&&vis===0);
    });
    document.getElementById('shown').textContent='Showing '+shown+' of '+total+' issues';
  }
  boxes.forEach(function(b){b.addEventListener('change',apply);});
  only.addEventListener('change',apply);
  document.body.dataset.js='ran';
  apply();
})();
"""


def _e(s) -> str:
    return escape(printable(str(s)))


def _bars(title: str, rows: list[tuple[str, int, str]]) -> str:
    """A horizontal bar chart as inline SVG: (label, count, colour) per bar."""
    width, bar_h, gap, label_w = 460, 18, 6, 170
    top = 28
    height = top + max(1, len(rows)) * (bar_h + gap) + 4
    most = max([n for _, n, _ in rows] or [1])
    parts = [(f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" role="img" '
              f'aria-label="{_e(title)}"><text x="0" y="16" font-size="14" font-weight="600">{_e(title)}</text>')]
    if not rows:
        parts.append(f'<text x="0" y="{top + 14}" font-size="13" fill="#5f6368">no issues</text>')
    for k, (label, n, color) in enumerate(rows):
        y = top + k * (bar_h + gap)
        w = max(2, round((width - label_w - 50) * n / most))
        parts.append(f'<text x="{label_w - 6}" y="{y + 13}" font-size="12" text-anchor="end">{_e(label)}</text>'
                     f'<rect x="{label_w}" y="{y}" width="{w}" height="{bar_h}" rx="3" fill="{color}"/>'
                     f'<text x="{label_w + w + 6}" y="{y + 13}" font-size="12">{n}</text>')
    parts.append("</svg>")
    return "".join(parts)


def _page(src: str, issues: list, strict: bool) -> str:
    counts = Counter(i["severity"] for i in issues)
    badges = "".join(f'<span class="badge {s}">{counts[s]} {LABEL[s].lower()}{"s" if counts[s] != 1 else ""}</span>'
                     for s in ("error", "warning", "info") if counts[s])
    if is_valid(issues, strict):
        badges = '<span class="badge ok">valid</span>' + badges
    rows = []
    for i in sorted(issues, key=lambda i: SEVERITY_RANK.get(i["severity"], 3)):
        line, col = line_col(i)
        where = f"line {line}" + (f", column {col}" if col else "") if i.get("location") else ""
        rows.append(f'<tr class="issue {_e(i["severity"])}"><td class="sev {_e(i["severity"])}">'
                    f'{LABEL.get(i["severity"], _e(i["severity"]))}</td><td><code>{_e(i["code"])}</code></td>'
                    f'<td>{_e(where)}<br><code>{_e(i["path"])}</code></td>'
                    f'<td>{_e(i["message"])}<div class="fix">{_e(describe(i["code"])["short"])}</div></td></tr>')
    table = ('<table><tr><th>Severity</th><th>Code</th><th>Where</th><th>What is wrong and how to fix it</th></tr>'
             + "".join(rows) + "</table>") if rows else "<p>No issues.</p>"
    is_open = " open" if any(i["severity"] == "error" for i in issues) else ""
    return f'<details class="page"{is_open}><summary>{_e(src)} {badges}</summary>{table}</details>\n'


def html(results, strict=False) -> str:
    checked = len(results)
    valid = sum(is_valid(issues, strict) for _, issues in results)
    with_errors = sum(any(i["severity"] == "error" for i in issues) for _, issues in results)
    with_warnings = sum(any(i["severity"] == "warning" for i in issues) for _, issues in results)
    unreadable = sum(any(is_input_error(i) for i in issues) for _, issues in results)
    sev = Counter(i["severity"] for _, issues in results for i in issues)
    by_code: Counter = Counter()
    worst: dict = {}
    for _, issues in results:
        for i in issues:
            by_code[i["code"]] += 1
            rank = SEVERITY_RANK.get(i["severity"], 3)
            if i["code"] not in worst or rank < SEVERITY_RANK.get(worst[i["code"]], 3):
                worst[i["code"]] = i["severity"]
    code_rows = [(c, n, COLOR.get(worst[c], "#5f6368")) for c, n in sorted(by_code.items(), key=lambda kv: (-kv[1], kv[0]))]
    sev_rows = [(LABEL[s] + "s", sev[s], COLOR[s]) for s in ("error", "warning", "info") if sev[s]]
    cards = "".join(f'<div class="card {cls}"><b>{n}</b>{label}</div>' for cls, n, label in (
        ("", checked, "pages checked"), ("ok", valid, "valid"), ("error", with_errors, "with errors"),
        ("warning", with_warnings, "with warnings"), ("error" if unreadable else "", unreadable, "not readable")))
    filters = "".join(f'<label><input type="checkbox" data-sev="{s}" checked> {LABEL[s]}s ({sev[s]})</label>'
                      for s in ("error", "warning", "info"))
    pages = "".join(_page(src, issues, strict) for src, issues in
                    sorted(results, key=lambda r: (min([SEVERITY_RANK.get(i["severity"], 3) for i in r[1]] or [9]))))
    return ("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
            f"<title>newsld: structured data report ({checked} pages)</title><style>{_CSS}</style></head>"
            f"<body><header><h1>Structured data report</h1><div>newsld validate{' --strict' if strict else ''}: "
            f"{sum(sev.values())} issues in {checked} pages</div><div class=\"cards\">{cards}</div></header><main>"
            f"<h2>Issues</h2><div class=\"charts\"><div class=\"chart\">{_bars('By code', code_rows)}</div>"
            f"<div class=\"chart\">{_bars('By severity', sev_rows)}</div></div>"
            f"<h2>Pages</h2><div class=\"filters\">{filters}<label><input type=\"checkbox\" id=\"only-issues\"> "
            f"only pages with shown issues</label><span id=\"shown\"></span></div>\n{pages}</main>"
            f"<script>{_JS}</script></body></html>\n")
