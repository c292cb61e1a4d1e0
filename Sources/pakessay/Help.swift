/// Help texts, in the OVERVIEW / USAGE / ARGUMENTS / OPTIONS / SUBCOMMANDS shape.
enum Help {
    static let usage: [String: String] = [
        "grade": "pakessay grade [PATH ...] [--rubric ID|PATH] [--format FORMAT] [options]",
        "parse": "pakessay parse PATH|- [--format json|tree]",
        "clean": "pakessay clean PATH|- [--script]",
        "check": "pakessay check [FOLDER] [--expect PATH]",
        "rubrics": "pakessay rubrics [--format text|json]",
        "explain": "pakessay explain RULE-ID",
    ]

    static let overview = """
    OVERVIEW: Grade handwritten CSS and PMS exam answers from their transcripts, the way a strict
    examiner marks them and a good tutor explains them.

    USAGE: pakessay <subcommand> [options]

    SUBCOMMANDS:
      grade       Grade answers against a rubric (marks out of 20 per answer, with located findings)
      parse       Print the structured essay model of a transcript (JSON or a tree)
      clean       Print the fair copy of a transcript, or the script as written (--script)
      check       Grade the sample answers and compare them with their expected marks
      rubrics     List the rubrics that ship and where they are
      explain     Say what a rule checks, why it matters and how to fix it
      help        Show help for a subcommand

    OPTIONS:
      -h, --help  Show help information.
      --version   Show the version.

      See 'pakessay help <subcommand>' for detailed help.

    """

    static var commands: [String: String] {
        [
            "parse": """
            OVERVIEW: Read a transcript into the structured essay model: answers, questions, sections,
            outlines, paragraphs, edits, visuals, remarks, statistics and diagnostics.

            USAGE: \(usage["parse"]!)

            ARGUMENTS:
              PATH                    The transcript file, or - for standard input.

            OPTIONS:
              --format json|tree      json (default): the model as documented in docs/model.md;
                                      tree: a readable indented outline.
              --max-bytes N           Refuse inputs larger than N bytes (default: 20000000).
              -h, --help              Show help information.

            """,
            "clean": """
            OVERVIEW: Print the fair copy of every answer in a transcript: cuttings removed, insertions
            in place, white space tidied; or, with --script, the page as written with the markup shown.

            USAGE: \(usage["clean"]!)

            ARGUMENTS:
              PATH                    The transcript file, or - for standard input.

            OPTIONS:
              --script                Show the script as written: struck text with a stroke, insertions as ↑(…).
              --max-bytes N           Refuse inputs larger than N bytes (default: 20000000).
              -h, --help              Show help information.

            """,
        ].merging(GradeHelp.commands) { a, _ in a }
    }
}

/// Help for the grading commands, filled in by the grading subcommands.
enum GradeHelp {
    static let commands: [String: String] = [:]
}
