import Mustache

/// The markup and style of index.html (see `OverviewPage`).
enum OverviewTemplate {
  static let page = HTMLWriter.parsed(
    string: """
      <!DOCTYPE html>
      <html xmlns="http://www.w3.org/1999/xhtml" lang="{{lang}}" xml:lang="{{lang}}">
      <head>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <title>{{heading}}</title>
      {{#katex}}<link rel="stylesheet" href="katex/katex.min.css" />{{/katex}}
      <style>{{{style}}}</style>
      </head>
      <body>
      <header class="top">
      <h1>{{heading}}</h1>
      <p>{{{intro}}} <strong>{{summary}}</strong></p>
      <p class="provenance">{{provenance}}</p>
      </header>
      <div class="layout">
      <nav class="toc"><details id="toc" open="open"><summary>{{contents}}</summary>{{#groups}}
      <h2>{{kind}}</h2>{{#languages}}
      <h3>{{label}}</h3>
      <ul>{{#entries}}
      <li class="{{state}}"><a href="#{{anchor}}">{{title}}</a> <span class="verdict {{state}}">{{word}}</span></li>{{/entries}}
      </ul>{{/languages}}{{/groups}}
      </details></nav>
      <script>if (!(window.innerWidth >= 1000)) document.getElementById("toc").removeAttribute("open");</script>
      <main>
      <h2 id="overview">{{overview}}</h2>
      <div class="cards">
      {{{cards}}}
      </div>
      {{{sections}}}
      </main>
      </div>
      {{#katex}}<script src="katex/katex.min.js"></script>
      <script>
      document.querySelectorAll(".math").forEach(function (e) {
        katex.render(e.getAttribute("data-tex"), e, { throwOnError: false });
      });
      </script>{{/katex}}
      </body>
      </html>

      """)

  static let style = """
    :root { --ink: #1f2328; --muted: #59636e; --line: #d0d7de; --pass: #1a7f37; --fail: #cf222e;
      --warn: #9a6700; --soft: #f6f8fa; }
    * { box-sizing: border-box; }
    body { font-family: system-ui, "Noto Sans CJK KR", "Noto Sans", sans-serif; color: var(--ink);
      margin: 0; line-height: 1.5; }
    a { color: #0969da; }
    header.top { padding: 0.8rem 1.25rem; border-bottom: 1px solid var(--line); }
    header.top h1 { margin: 0; font-size: 1.5rem; }
    header.top p { margin: 0.2rem 0; }
    .layout { display: grid; grid-template-columns: minmax(0, 1fr); }
    nav.toc { padding: 0.5rem 1.25rem; font-size: 0.85rem; border-bottom: 1px solid var(--line); }
    nav.toc h2 { font-size: 0.95rem; margin: 0.6rem 0 0.1rem; }
    nav.toc h3 { font-size: 0.8rem; margin: 0.2rem 0; color: var(--muted); font-weight: 600; }
    nav.toc ul { list-style: none; padding: 0; margin: 0 0 0.3rem; }
    nav.toc li { overflow-wrap: anywhere; margin: 0.1rem 0; }
    nav.toc li .verdict { font-size: 0.75rem; }
    nav.toc summary { font-weight: 600; }
    @media (min-width: 1000px) {
      .layout { grid-template-columns: 270px minmax(0, 1fr); }
      nav.toc { position: sticky; top: 0; align-self: start; max-height: 100vh; overflow-y: auto;
        border-bottom: 0; border-right: 1px solid var(--line); }
    }
    main { padding: 0 1.25rem 3rem; min-width: 0; max-width: 1500px; }
    .cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(190px, 1fr)); gap: 0.75rem; }
    .card { display: flex; flex-direction: column; border: 1px solid var(--line); border-radius: 8px;
      padding: 0.5rem; text-decoration: none; color: inherit; background: #fff; min-width: 0; }
    .card:hover { border-color: #0969da; }
    .card.failed { border: 2px solid var(--fail); }
    .thumb { aspect-ratio: 4 / 3; display: flex; align-items: center; justify-content: center;
      background: var(--soft); border-radius: 4px; overflow: hidden; color: var(--muted); font-size: 0.8rem; }
    .thumb img { width: 100%; height: 100%; object-fit: contain; }
    .card-title { font-weight: 600; font-size: 0.85rem; margin: 0.4rem 0 0.2rem; overflow-wrap: anywhere; }
    .card-meta { font-size: 0.8rem; margin-top: auto; }
    .kind { font-size: 0.75rem; background: #eef1f4; border-radius: 999px; padding: 0 0.5em; white-space: nowrap; }
    .verdict.passed { color: var(--pass); }
    .verdict.failed { color: var(--fail); font-weight: 700; }
    section.experiment { border-top: 2px solid var(--line); margin-top: 2rem; padding-top: 0.3rem; }
    section.experiment h2 { font-size: 1.25rem; margin: 0.4rem 0; overflow-wrap: anywhere; }
    section.experiment h3 { font-size: 1rem; margin: 1rem 0 0.3rem; }
    .meta .name { color: var(--muted); font-size: 0.85rem; overflow-wrap: anywhere; }
    .meta .verdict { margin-left: 0.4rem; }
    .description { max-width: 75ch; }
    .files, .provenance { font-size: 0.8rem; color: var(--muted); overflow-wrap: anywhere; }
    .files a { margin-right: 0.7rem; white-space: nowrap; }
    .table-wrap { max-width: 100%; overflow-x: auto; }
    table { border-collapse: collapse; font-size: 0.85rem; margin: 0.3rem 0 0.8rem; }
    th, td { border-bottom: 1px solid var(--line); padding: 0.2rem 0.55rem; text-align: left;
      vertical-align: top; }
    th { background: var(--soft); font-weight: 600; }
    th.num, td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
    .nb, td.short { white-space: nowrap; }
    th, td { word-break: keep-all; overflow-wrap: anywhere; }
    table.checks td.status { white-space: nowrap; font-weight: 600; }
    tr.passed td.status { color: var(--pass); }
    tr.failed td.status { color: var(--fail); }
    tr.not-checked td.status { color: var(--warn); }
    details { margin: 0.4rem 0; }
    details > summary { cursor: pointer; color: var(--muted); }
    .figures { display: grid; gap: 1rem;
      grid-template-columns: repeat(auto-fill, minmax(min(100%, 560px), 1fr)); margin: 0.8rem 0; }
    figure { margin: 0; min-width: 0; }
    figure.wide { grid-column: 1 / -1; }
    figure img { width: 100%; height: auto; border: 1px solid var(--line); border-radius: 4px; }
    figcaption { font-size: 0.85rem; color: var(--muted); }
    figcaption b { color: var(--ink); }
    figcaption .formats a { margin-left: 0.3rem; }
    pre { background: var(--soft); padding: 0.75rem; overflow-x: auto; font-size: 0.8rem; }
    code { overflow-wrap: anywhere; }
    .katex { font-size: 1em; white-space: nowrap; }
    """
}
