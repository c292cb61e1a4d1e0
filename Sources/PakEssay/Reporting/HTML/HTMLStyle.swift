/// The report's stylesheet: readable on screen, printable in black and white.
enum HTMLStyle {
    static let css = """
        :root { --ink: #1a1a1a; --muted: #555; --line: #d0d0d0; --accent: #0b5394; --weak: #a61c00; --paper: #fff; }
        * { box-sizing: border-box; }
        body { font: 16px/1.55 Georgia, "Times New Roman", serif; color: var(--ink); background: var(--paper); \
        margin: 0 auto; max-width: 78rem; padding: 1rem 1.5rem; }
        h1, h2, h3, h4, h5, h6 { font-family: "Helvetica Neue", Arial, sans-serif; line-height: 1.25; }
        header.page p, footer { color: var(--muted); }
        .answer { border-top: 3px solid var(--ink); margin-top: 2rem; padding-top: .5rem; }
        .question { font-style: italic; }
        .directive { font-style: normal; font-weight: bold; border: 1px solid var(--ink); padding: 0 .3em; \
        border-radius: 3px; }
        .marks { font-size: 1.4rem; margin: .2rem 0; }
        .band { font-size: 1rem; border: 1px solid var(--ink); padding: .1em .4em; margin-left: .4em; }
        .stats { color: var(--muted); }
        figure.chart { margin: 1rem 0; max-width: 40rem; }
        figure.chart figcaption { font-size: .8rem; color: var(--muted); }
        svg .track { fill: #eee; stroke: #999; stroke-width: .5; }
        svg .bar { fill: var(--accent); }
        svg .bar.weak { fill: var(--weak); }
        svg text { font: 12px Arial, sans-serif; fill: var(--ink); }
        .charts { display: flex; flex-wrap: wrap; gap: 2rem; }
        .layout { display: grid; grid-template-columns: minmax(0, 3fr) minmax(16rem, 2fr); gap: 1.5rem; align-items: \
        start; }
        .script { border: 1px solid var(--line); padding: 0 1rem 1rem; background: #fffdf6; }
        .script p { margin: .6rem 0; }
        .sec.level-2, .sec.level-3, .sec.level-4 { margin-left: 1rem; }
        .heading { margin: 1rem 0 .3rem; text-decoration: underline; }
        del.cut { text-decoration: line-through 2px; color: var(--weak); }
        ins.ins { text-decoration: none; vertical-align: super; font-size: .8em; border-bottom: 1px solid; }
        .correction { border: 1px dotted var(--muted); padding: 0 .1em; }
        .illegible { background: #ddd; font-family: monospace; font-size: .85em; }
        .guess { border-bottom: 1px dashed; }
        .page-break { display: inline-block; font: .75rem Arial, sans-serif; color: var(--muted); border: 1px solid \
        var(--line); padding: 0 .4em; margin: 0 .2em; }
        figure.visual { border: 1px dashed var(--ink); padding: .4rem .8rem; margin: .6rem 0; }
        figure.visual .kind { font-weight: bold; text-transform: uppercase; font-size: .8em; }
        mark.ev { background: none; color: inherit; border-bottom: 2px solid; }
        mark.ev-date { border-bottom-style: solid; background: #e8f0fe; }
        mark.ev-figure { border-bottom-style: double; background: #e6f4ea; }
        mark.ev-source { border-bottom-style: dotted; background: #fef7e0; }
        mark.ev-quotation { border-bottom-style: dashed; background: #fce8e6; }
        mark.ev-named { border-bottom-style: solid; border-bottom-width: 1px; background: #f3e8fd; }
        a.fa { display: inline-block; min-width: 1.3em; text-align: center; font: bold .7rem Arial, sans-serif; \
        vertical-align: super; border-radius: .65em; padding: 0 .25em; margin: 0 .1em; text-decoration: none; color: \
        #fff; background: var(--ink); }
        a.fa.sev-warning { background: #7a4b00; }
        a.fa.sev-error { background: var(--weak); }
        a.fa.sev-note { background: #38598a; }
        .outline { list-style: square; }
        .outline .undeveloped { text-decoration: underline wavy var(--weak); }
        .unannounced-note { font-size: .9em; color: var(--weak); }
        aside.findings { font: 14px/1.45 Arial, sans-serif; position: sticky; top: .5rem; max-height: 95vh; overflow: \
        auto; }
        aside.findings li { margin-bottom: .5rem; }
        aside.findings li:target { outline: 2px solid var(--accent); }
        aside .fix { color: var(--muted); }
        aside .lost { font-weight: bold; color: var(--weak); }
        .whole { font: 14px Arial, sans-serif; }
        .remarks blockquote { display: inline; margin: 0; font-style: italic; }
        .remarks .agrees::before { content: "✓ "; }
        .remarks .disagrees::before { content: "✗ "; }
        table { border-collapse: collapse; font: 14px Arial, sans-serif; }
        th, td { border: 1px solid var(--line); padding: .2rem .5rem; text-align: left; }
        td.weak { color: var(--weak); font-weight: bold; }
        @media (max-width: 60rem) { .layout { grid-template-columns: 1fr; } aside.findings { position: static; \
        max-height: none; } }
        @media print {
          body { max-width: none; padding: 0; font-size: 11pt; }
          .answer { break-before: page; border-top: none; }
          .layout { display: block; }
          aside.findings { position: static; max-height: none; overflow: visible; }
          .script { background: none; }
          svg .bar, svg .bar.weak { fill: #444; }
          a { color: inherit; text-decoration: none; }
          a.fa { color: #000; background: none; border: 1px solid #000; }
          del.cut, td.weak, aside .lost { color: #000; }
          mark.ev { background: none; }
        }

        """
}
