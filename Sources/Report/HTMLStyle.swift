/// The HTML report's only stylesheet, inlined in the page: system fonts, a readable width,
/// high-contrast text and print rules that keep sections, tables and charts whole.
enum HTMLStyle {
    static let css = """
        :root { color-scheme: light; }
        * { box-sizing: border-box; }
        body { margin: 0; font: 1rem/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif;
               color: #111; background: #fff; }
        .muted { color: #444; }
        main { max-width: 60rem; margin: 0 auto; padding: 1rem; }
        main p, main li, main dl, caption { max-width: 46rem; }
        h1 { font-size: 1.6rem; line-height: 1.25; margin: .5rem 0 .25rem; }
        h2 { font-size: 1.3rem; line-height: 1.3; margin: 2.5rem 0 .5rem; padding-top: 1rem; border-top: 2px solid #111; }
        h3 { font-size: 1.1rem; margin: 1.5rem 0 .5rem; }
        h4 { font-size: 1rem; margin: 1.25rem 0 .5rem; }
        code { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, "Liberation Mono", monospace; font-size: .95em; }
        a { color: #0b3d91; }
        .event, .meta, .note { color: #444; }
        .meta { margin: 0 0 .75rem; }
        .headline { font-size: 1.125rem; font-weight: 600; }
        .badge { display: inline-block; padding: 0 .5rem; border: 2px solid #5f5f5f; border-radius: .25rem; font-size: .875rem;
                 font-weight: 700; line-height: 1.5; white-space: nowrap; vertical-align: baseline; }
        .badge.clear { background: #0b3d91; border-color: #0b3d91; color: #fff; }
        .badge.not-clear { background: #5f5f5f; color: #fff; }
        .badge.not-tested { background: #fff; color: #333; border-style: dashed; }
        details.more, figure details { margin: .5rem 0 1rem; }
        details > summary { cursor: pointer; color: #0b3d91; font-weight: 600; }
        figure { margin: 1rem 0; }
        .overview-chart svg.chart { width: 100%; max-width: 36rem; }
        .multiples { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(100%, 22rem), 1fr)); gap: .5rem 1.5rem; }
        .multiples figure { margin: 0; }
        .multiples figcaption { font-weight: 600; font-size: .9rem; }
        .multiples svg.chart { margin: .25rem 0; }
        .verdict { border-left: 6px solid #6b6b6b; padding: .25rem 0 .25rem .75rem; }
        .verdict.clear { border-left-color: #0b3d91; }
        .caveat { border: 2px solid #8a4b00; padding: .5rem .75rem; }
        dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1rem; }
        dl.facts dt { font-weight: 600; }
        dl.facts dd { margin: 0; }
        ol.overview > li { margin: 0 0 1rem; }
        ol.overview p { margin: .125rem 0; }
        .table-wrap { max-width: 100%; overflow-x: auto; }
        table { border-collapse: collapse; margin: .5rem 0 1.25rem; font-size: .875rem; font-variant-numeric: tabular-nums; }
        caption { caption-side: top; text-align: start; padding: .25rem 0; color: #333; font-size: 1rem; }
        th, td { padding: .25rem .4rem; border-bottom: 1px solid #8c8c8c; vertical-align: top; }
        thead th { border-bottom: 2px solid #111; text-align: end; vertical-align: bottom; }
        thead th:first-child, th[scope=row] { text-align: start; }
        th[scope=row] { font-weight: 400; }
        td { text-align: end; white-space: nowrap; }
        td.text { text-align: start; white-space: normal; }
        tr.emphasis th, tr.emphasis td { font-weight: 700; }
        svg.chart { display: block; max-width: 100%; height: auto; margin: .75rem 0; }
        .legend { display: flex; flex-wrap: wrap; gap: .25rem 1.25rem; list-style: none; padding: 0; margin: 0 0 1rem; font-size: .9rem; }
        .legend li { display: flex; align-items: center; gap: .375rem; }
        .texts li { margin: .25rem 0; }
        .segment-question { margin: 0 0 1rem; }
        .segment-question .ask { font-weight: 600; margin-bottom: 0; }
        footer { max-width: 60rem; margin: 2rem auto; padding: 0 1rem; color: #444; font-size: .9rem; }
        @media print {
          body { font-size: 10pt; color: #000; background: none; }
          main, footer { max-width: none; padding: 0; }
          a { color: inherit; text-decoration: none; }
          h2 { border-top-width: 1px; }
          h2, h3, h4 { break-after: avoid; page-break-after: avoid; }
          section, .group, .segment-question, table, svg.chart, .legend { break-inside: avoid; page-break-inside: avoid; }
          .table-wrap { overflow: visible; }
          figure, .multiples figure { break-inside: avoid; page-break-inside: avoid; }
          svg { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
        }
        """
}
