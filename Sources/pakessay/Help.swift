/// Help texts, in the OVERVIEW / USAGE / ARGUMENTS / OPTIONS / SUBCOMMANDS shape.
enum Help {
    static let usage: [String: String] = [
        "grade": "pakessay grade [PATH ...] [--rubric ID|PATH] [--format FORMAT] [options]",
        "parse": "pakessay parse PATH|- [--format json|tree]",
        "clean": "pakessay clean PATH|- [--script]",
        "check": "pakessay check [FOLDER] [--expect PATH]",
        "calibrate": "pakessay calibrate MARKS [--rubric ID|PATH] [--fit OUT.json] [--format FORMAT] [options]",
        "rubrics": "pakessay rubrics [--format text|json]",
        "explain": "pakessay explain RULE-ID",
        "questions":
            "pakessay questions [--topic TOPIC] [--year YEAR] [--paper PAPER] [--rubric ID|PATH] [--format text|json]",
        "help": "pakessay help [SUBCOMMAND]",
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
          calibrate   Measure pakessay against a tutor's marks, and fit a rubric to them
          rubrics     List the rubrics that ship and where they are
          explain     Say what a rule checks, why it matters and how to fix it
          questions   List practice questions from the question bank, by topic or year
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
            \(Option.section(ParseCommand.options))

            """,
            "clean": """
            OVERVIEW: Print the fair copy of every answer in a transcript: cuttings removed, insertions
            in place, white space tidied; or, with --script, the page as written with the markup shown.

            USAGE: \(usage["clean"]!)

            ARGUMENTS:
              PATH                    The transcript file, or - for standard input.

            OPTIONS:
            \(Option.section(CleanCommand.options))

            """,
            "help": """
            OVERVIEW: Show the help of a subcommand, or the overview of them all.

            USAGE: \(usage["help"]!)

            ARGUMENTS:
              SUBCOMMAND              grade, parse, clean, check, calibrate, rubrics, explain or help.

            """,
        ].merging(GradeHelp.commands) { a, _ in a }
    }
}

/// Help for the grading commands.
enum GradeHelp {
    static let commands: [String: String] = [
        "grade": """
        OVERVIEW: Grade answers against a rubric: marks per criterion, the band, three improvements worth
        the most marks, and every finding with its rule, place and fix.

        USAGE: \(Help.usage["grade"]!)

        ARGUMENTS:
          PATH                    A transcript file, a folder (its *.txt files, recursively, in sorted
                                  order) or - for standard input (one or many answers, split at question
                                  lines). With no PATH, standard input is read.

        OPTIONS:
        \(Option.section(GradeCommand.options))

        EXIT CODES:
          0  everything was read and graded, and no threshold was missed
          1  an answer scored under --fail-under
          2  an input or the rubric could not be used (the other inputs are still graded and reported;
             each unusable input is also one 'pakessay: error:' line on standard error), or the report
             could not be written
          64 the command line is wrong

        """,
        "check": """
        OVERVIEW: Grade the sample answers in a folder and compare each with its expectation in
        expected.json: the mark range, rules that must and must not fire, and the exact misspellings.
        Prints a table; exits 1 on any mismatch.

        USAGE: \(Help.usage["check"]!)

        ARGUMENTS:
          FOLDER                  The folder of sample answers (default: SampleEssays); the transcripts
                                  directly in it, not in its subfolders.

        OPTIONS:
        \(Option.section(CheckCommand.options))

        """,
        "calibrate": """
        OVERVIEW: Grade the answers a tutor has marked and report how far pakessay agrees: Spearman and
        Pearson correlation, quadratic weighted kappa and mean absolute error, on the totals and on each
        criterion the tutor marked, a table by band and the ten largest disagreements with the findings
        behind them. With --fit, fit the rubric's weights, exponent and ceiling to the tutor's marks and
        write a rubric that extends it, if it beats the rubric on answers it was not fitted on.

        USAGE: \(Help.usage["calibrate"]!)

        ARGUMENTS:
          MARKS                   CSV with a header, or JSON Lines: one row per answer with 'path' (or
                                  'id' and 'text'), 'marks' (the tutor's total) and, optionally,
                                  'answer', 'question' and the tutor's marks under criterion ids.
                                  Relative paths are read from the MARKS file's folder.

        OPTIONS:
        \(Option.section(CalibrateCommand.options))

        EXIT CODES:
          0  the report was written (and the fit, with --fit)
          1  --fit: the fit was not written, as it does not beat the rubric or there are too few answers
          2  a row, column or answer could not be used (named on standard error and in the report; every
             other row is still used), or the MARKS file or the rubric could not be read
          64 the command line is wrong

        """,
        "rubrics": """
        OVERVIEW: List the rubrics that ship with pakessay and where they are.

        USAGE: \(Help.usage["rubrics"]!)

        OPTIONS:
        \(Option.section(RubricsCommand.options))

        """,
        "questions": """
        OVERVIEW: List questions from the rubric's question bank to practise on: questions in the style of
        the CSS and PMS Current Affairs and Pakistan Affairs papers, each with its topics, and the paper and
        year of the real past questions among them. With --topic and no match, the known topics are listed.

        USAGE: \(Help.usage["questions"]!)

        OPTIONS:
        \(Option.section(QuestionsCommand.options))

        """,
        "explain": """
        OVERVIEW: Say what a rule checks, why it matters to an examiner, and how to fix what it finds;
        the parameters a rubric may set (with their defaults) and the word lists the rule reads.
        With no RULE-ID, list every rule.

        USAGE: \(Help.usage["explain"]!)

        ARGUMENTS:
          RULE-ID                 A rule id from a report, such as evidence-missing-in-section.

        OPTIONS:
        \(Option.section(ExplainCommand.options))

        """,
    ]
}
