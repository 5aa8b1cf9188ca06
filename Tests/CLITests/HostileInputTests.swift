import Foundation
import TestSupport
import Testing

/// The inputs of issue 13, made by `scripts/make-hostile` into a temporary folder, run as a user
/// runs them: no trap, no hang, no lost output, and one clear line for every refusal.
@Suite struct HostileInputTests {
    /// The folder `scripts/make-hostile` writes, made once per test run.
    static let folder: URL = {
        let folder = Scratch.folder.appendingPathComponent("trueup-hostile-\(getpid())")
        _ = try? PythonScript.run([
            CommandLineTests.packageRoot.appendingPathComponent("scripts/make-hostile").path, folder.path,
        ])
        return folder
    }()

    static func file(_ name: String) -> String { folder.appendingPathComponent(name).path }

    static func output(_ name: String) throws -> String {
        try CommandLineTests.temporaryFolder().appendingPathComponent(name).path
    }

    /// Runs `arguments` through `/bin/sh -c` with `prefix` (umask, ulimit) before `exec trueup`.
    static func shell(_ prefix: String, _ arguments: [String]) throws -> CommandLineTests.Result {
        let quoted = ([CommandLineTests.binary] + arguments).map {
            "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'"
        }
        return try CommandLineTests.run(
            ["-c", prefix + "; exec " + quoted.joined(separator: " ")], executable: "/bin/sh")
    }

    /// Expects status 2 and exactly one line on standard error that names `file` and says `reason`.
    static func expectRefusal(
        _ result: CommandLineTests.Result, naming file: String, _ reason: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        #expect(result.status == 2, "\(result.stderr)", sourceLocation: sourceLocation)
        #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)", sourceLocation: sourceLocation)
        #expect(result.stderr.contains(file), "\(result.stderr)", sourceLocation: sourceLocation)
        #expect(result.stderr.contains(reason), "\(result.stderr)", sourceLocation: sourceLocation)
    }

    static var calculateArguments: [String] {
        ["calculate", "--plan", file("plan.yaml"), "--deals", file("deals.csv")]
    }

    // MARK: Crashes

    @Test func convertTakesCellsOutOfColumnOrder() throws {
        let csv = try Self.output("out.csv")
        let result = try CommandLineTests.run(["convert", Self.file("cells-out-of-order.xlsx"), csv])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try String(contentsOfFile: csv, encoding: .utf8) == "1,,3\r\n,2\r\n")
        let xlsx = try Self.output("out.xlsx")
        #expect(try CommandLineTests.run(["convert", Self.file("cells-out-of-order.xlsx"), xlsx]).status == 0)
        let back = try Self.output("back.csv")
        #expect(try CommandLineTests.run(["convert", xlsx, back]).status == 0)
        #expect(try String(contentsOfFile: back, encoding: .utf8) == "1,,3\r\n,2\r\n")
    }

    @Test func aRepeatedOrOutOfOrderRowIsAReadErrorNamingTheRow() throws {
        let repeated = Self.file("repeated-row.xlsx")
        for command in [["inspect", repeated], ["convert", repeated, try Self.output("r.csv")]] {
            Self.expectRefusal(try CommandLineTests.run(command), naming: repeated, "row 8 appears twice")
        }
        let plan = try Self.output("plan.yaml")
        try FileManager.default.copyItem(atPath: Self.file("plan.yaml"), toPath: plan)
        Self.expectRefusal(
            try CommandLineTests.run(["reconcile", repeated, "--plan", plan]), naming: repeated, "row 8 appears twice")
        let unordered = Self.file("rows-out-of-order.xlsx")
        Self.expectRefusal(
            try CommandLineTests.run(["inspect", unordered]), naming: unordered, "row 4 comes after row 5")
    }

    @Test func moreRowsThanASheetHoldsAreRefusedBeforeWriting() throws {
        let xlsx = try Self.output("rows.xlsx")
        let result = try CommandLineTests.run(["convert", Self.file("too-many-rows.csv"), xlsx])
        Self.expectRefusal(result, naming: "too-many-rows.csv", "1048576 rows at most")
        #expect(!FileManager.default.fileExists(atPath: xlsx))
    }

    @Test func aSheetPositionOutOfRangeIsRefusedWithoutOverflow() throws {
        for position in ["-9223372036854775808", "0", "9223372036854775807"] {
            let result = try CommandLineTests.run([
                "convert", Self.file("cells-out-of-order.xlsx"), try Self.output("s.csv"), "--sheet=\(position)",
            ])
            Self.expectRefusal(result, naming: "cells-out-of-order.xlsx", "no sheet '\(position)'")
        }
    }

    // MARK: Hangs

    /// A 4 MB text cell above the header was read (in linear time once the header search hashed
    /// it no more); past the 32,767 characters a cell holds, it is now refused at once.
    @Test func aMegabyteTextCellAboveTheHeaderIsRefusedAtOnce() throws {
        let start = Date()
        let result = try CommandLineTests.run([
            "calculate", "--plan", Self.file("plan.yaml"), "--deals", Self.file("big-cell-deals.csv"),
        ])
        Self.expectRefusal(
            result, naming: "big-cell-deals.csv:1:", "field 1 (column A) holds more than 32767 characters")
        #expect(Date().timeIntervalSince(start) < 20)
    }

    @Test func anElementWithAHundredThousandAttributesIsRefusedAtOnce() throws {
        let start = Date()
        let result = try CommandLineTests.run(["inspect", Self.file("many-attributes.xlsx")])
        Self.expectRefusal(result, naming: "many-attributes.xlsx", "more than 1000 attributes")
        #expect(Date().timeIntervalSince(start) < 5)
    }

    @Test func aDateFarOutsideTheDataIsRefusedNamingItsRow() throws {
        let payroll = try Self.output("payroll.csv")
        let deals = Self.file("far-date-deals.csv")
        for command in ["calculate", "review"] {
            var arguments = [command, "--plan", Self.file("plan.yaml"), "--deals", deals]
            if command == "calculate" { arguments += ["--payroll", payroll] }
            let result = try CommandLineTests.run(arguments)
            Self.expectRefusal(result, naming: deals, "row 5: the date 9999-12-31 is more than 50 years")
            #expect(result.stdout.isEmpty)
        }
        #expect(!FileManager.default.fileExists(atPath: payroll))
    }

    /// A pipe no one writes, `/dev/zero` and a link to it are refused before they are opened:
    /// opening the pipe waited forever, and the device never ends.
    @Test func aPipeOrADeviceIsRefusedNotReadForever() throws {
        let folder = try CommandLineTests.temporaryFolder()
        let fifo = folder.appendingPathComponent("fifo.csv").path
        #expect(mkfifo(fifo, 0o600) == 0)
        let zero = folder.appendingPathComponent("zero.csv").path
        try FileManager.default.createSymbolicLink(atPath: zero, withDestinationPath: "/dev/zero")
        let plan = Self.file("plan.yaml")
        for input in [fifo, "/dev/zero", zero] {
            let out = try Self.output("out.xlsx")
            for arguments in [
                ["calculate", "--plan", plan, "--deals", input], ["reconcile", input, "--plan", plan],
                ["convert", input, out],
            ] {
                let result = try Self.shell("ulimit -t 20", arguments)
                Self.expectRefusal(result, naming: input, "not a regular file")
            }
        }
    }

    // MARK: Lost output

    @Test func aFullDiskOnStandardOutputIsAnError() throws {
        let commands: [[String]] = [
            Self.calculateArguments, Self.calculateArguments + ["--format", "json"],
            ["review", "--plan", Self.file("plan.yaml"), "--deals", Self.file("deals.csv")],
            ["inspect", Self.file("deals.csv")], ["plan", "check", Self.file("plan.yaml")],
        ]
        for command in commands {
            let result = try Self.shell("exec >/dev/full", command)
            Self.expectRefusal(result, naming: "standard output", "No space left on device")
        }
    }

    @Test func aClosedPipeOnStandardOutputIsAnError() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CommandLineTests.binary)
        process.arguments = Self.calculateArguments
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try out.fileHandleForReading.close()
        try process.run()
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 2)
        #expect(stderr == "trueup: error: standard output: write failed (Broken pipe); the output is incomplete\n")
    }

    /// A reader that leaves after the first bytes (`| head -c 100`) of a long statement with its
    /// lines, in text and CSV: the writes after it fail, and the run says so (tester10: status 0).
    @Test(arguments: ["text", "csv"])
    func aReaderLeavingEarlyIsAnErrorForEveryFormat(format: String) throws {
        let folder = try CommandLineTests.temporaryFolder()
        let deals = folder.appendingPathComponent("deals.csv")
        let rows = (1...20_000).map { "D-\($0),R-\($0 % 2 + 1),2026-07-01,1000.00" }
        try (["Deal ID,Rep,Date,Amount"] + rows).joined(separator: "\n").write(
            to: deals, atomically: true, encoding: .utf8)
        try Self.expectFailedWriteToAReaderLeavingEarly([
            "calculate", "--plan", Self.file("plan.yaml"), "--deals", deals.path, "--lines", "--format", format,
        ])
    }

    /// Runs trueup with `arguments` into `| head -c 100` and expects the failed write reported, status 2.
    static func expectFailedWriteToAReaderLeavingEarly(
        _ arguments: [String], sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let command = ([CommandLineTests.binary] + arguments).map { "'" + $0 + "'" }.joined(separator: " ")
        let result = try CommandLineTests.run(
            ["-c", "set -o pipefail; \(command) | head -c 100 > /dev/null"], executable: "/bin/bash")
        #expect(result.status == 2, "\(result.stderr)", sourceLocation: sourceLocation)
        #expect(
            result.stderr.contains("standard output: write failed"), "\(result.stderr)", sourceLocation: sourceLocation)
    }

    /// The same for reconcile's report of findings, printed for people.
    @Test func aReaderLeavingEarlyIsAnErrorForReconcilesReport() throws {
        let folder = try CommandLineTests.temporaryFolder()
        let workbook = folder.appendingPathComponent("paid.csv")
        // Every commission paid at 11% for the plan's 10%: one finding a row.
        let rows = (1...5_000).map { "D-\($0),R-\($0 % 2 + 1),2026-07-01,1000.00,110.00" }
        try (["Deal ID,Rep,Date,Amount,Commission"] + rows).joined(separator: "\n").write(
            to: workbook, atomically: true, encoding: .utf8)
        try Self.expectFailedWriteToAReaderLeavingEarly(["reconcile", workbook.path, "--plan", Self.file("plan.yaml")])
    }

    /// A file-size limit (`ulimit -f`) fails the write, which names the output and leaves no
    /// temporary file: the limit's signal killed the run with its temporary file (tester10).
    @Test func aFileSizeLimitIsAWriteErrorNamingTheOutput() throws {
        let folder = try CommandLineTests.temporaryFolder()
        let deals = folder.appendingPathComponent("deals.csv")
        let rows = (1...20_000).map { "D-\($0),R-1,2026-07-01,1000.00" }
        try (["Deal ID,Rep,Date,Amount"] + rows).joined(separator: "\n").write(
            to: deals, atomically: true, encoding: .utf8)
        let out = folder.appendingPathComponent("out.xlsx").path
        let result = try Self.shell("ulimit -f 64", ["convert", deals.path, out])
        Self.expectRefusal(result, naming: "out.xlsx", "File too large")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["deals.csv"])
    }

    @Test func aFileThatCannotBeWrittenIsNamedWithoutFoundationsText() throws {
        let inputs = [
            Self.file("too-many-rows.csv"),
            ReviewCommandTests.samples.appendingPathComponent("q3-commissions.xlsx").path,
        ]
        for (input, output) in zip(inputs, [try Self.output("big.csv"), try Self.output("big.xlsx")]) {
            let result = try Self.shell("ulimit -f 1; trap '' XFSZ", ["convert", input, output])
            Self.expectRefusal(result, naming: output, "write failed (File too large)")
            #expect(!result.stderr.contains("NSCocoaErrorDomain"))
            let folder = URL(fileURLWithPath: output).deletingLastPathComponent().path
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder).isEmpty)
        }
    }

    // MARK: Files

    @Test func aNewOutputHonoursTheUmaskAndAReplacedOneKeepsItsMode() throws {
        let payroll = try Self.output("payroll.csv")
        let arguments = Self.calculateArguments + ["--payroll", payroll]
        func mode() throws -> Int {
            try (FileManager.default.attributesOfItem(atPath: payroll)[.posixPermissions] as? Int) ?? -1
        }
        #expect(try Self.shell("umask 077", arguments).status == 0)
        #expect(try mode() == 0o600)
        try FileManager.default.removeItem(atPath: payroll)
        #expect(try Self.shell("umask 022", arguments).status == 0)
        #expect(try mode() == 0o644)
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: payroll)
        #expect(try Self.shell("umask 000", arguments).status == 0)
        #expect(try mode() == 0o640)
    }

    @Test(arguments: [SIGINT, SIGTERM, SIGHUP, SIGSEGV, SIGILL, SIGABRT])
    func aSignalLeavesNoTemporaryFile(_ signal: Int32) throws {
        let folder = try CommandLineTests.temporaryFolder()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CommandLineTests.binary)
        process.arguments = ["convert", Self.file("too-many-rows.csv"), folder.appendingPathComponent("out.csv").path]
        process.standardError = FileHandle.nullDevice
        // The Swift runtime's backtracer still takes the crash after trueup's handler (the same
        // chain of handlers), but reports it without symbols: symbolicating the debug binary costs
        // seconds per crash and the report goes nowhere.
        var environment = ProcessInfo.processInfo.environment
        environment["SWIFT_BACKTRACE"] = "symbolicate=off"
        process.environment = environment
        try process.run()
        let deadline = Date().addingTimeInterval(20)
        while try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty && process.isRunning
            && Date() < deadline
        {
            usleep(5_000)
        }
        kill(process.processIdentifier, signal)
        process.waitUntilExit()
        if [SIGINT, SIGTERM, SIGHUP].contains(signal) {
            #expect(process.terminationReason == .uncaughtSignal)
        } else {
            // A crash goes on to the Swift runtime's crash report, which ends the process itself.
            #expect(process.terminationReason == .uncaughtSignal || process.terminationStatus != 0)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }

    // MARK: Messages

    @Test func aDuplicateKeyInThePlanIsOneLineAtItsPlace() throws {
        let plan = Self.file("duplicate-key.yaml")
        let result = try CommandLineTests.run(["plan", "check", plan])
        #expect(result.status == 2)
        #expect(result.stderr == "trueup: error: \(plan):3:1: duplicate key 'currency'\n")
    }

    @Test func libxml2sMessagesAreOneLineAndItPrintsNothingItself() throws {
        let workbook = Self.file("bad-utf8.xlsx")
        Self.expectRefusal(try CommandLineTests.run(["inspect", workbook]), naming: workbook, "not proper UTF-8")
    }

    @Test func controlCharactersInHeadersAreEscaped() throws {
        let result = try CommandLineTests.run([
            "calculate", "--plan", Self.file("plan.yaml"), "--deals", Self.file("control-header.csv"),
        ])
        Self.expectRefusal(result, naming: "control-header.csv", #"'\u{1B}[31mSalesperson\u{7}', 'Cl\u{D}ose'"#)
        #expect(!result.stderr.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
    }

    @Test func controlCharactersInNamesAreEscapedInTextReports() throws {
        let plan = Self.file("control-plan.yaml")
        let deals = Self.file("deals.csv")
        for command in [["calculate"], ["review"]] {
            let result = try CommandLineTests.run(command + ["--plan", plan, "--deals", deals])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stdout.contains(#"Ana\u{1B}[2J\u{7}\u{D}"#), "\(result.stdout)")
            #expect(!result.stdout.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" && $0 != "\t" })
        }
    }

    // MARK: Injection and spoofing

    @Test func calculatesCSVNeutralisesFormulasEverywhere() throws {
        let arguments = [
            "calculate", "--plan", Self.file("formula-plan.yaml"), "--deals", Self.file("formula-deals.csv"),
        ]
        for extra in [["--format", "csv"], ["--format", "csv", "--lines"]] {
            let result = try CommandLineTests.run(arguments + extra)
            #expect(result.status == 0, "\(result.stderr)")
            let fields = result.stdout.split(whereSeparator: \.isNewline).flatMap { $0.split(separator: ",") }
            let dangerous = fields.filter { field in
                let start = field.drop { $0 == " " || $0 == "\"" }
                guard let first = start.first, "=+-@".contains(first) else { return false }
                return Decimal(string: String(start)) == nil
            }
            #expect(dangerous.isEmpty, "\(dangerous)")
        }
        let lines = try CommandLineTests.run(arguments + ["--format", "csv", "--lines"]).stdout
        #expect(lines.contains("'=1+1") && lines.contains("'@SUM(A1)") && lines.contains("'-2+3"))
        let totals = try CommandLineTests.run(arguments + ["--format", "csv"]).stdout
        #expect(totals.contains("'=HYPERLINK(1)") && totals.contains("'+T") && totals.contains("' =1+1"))
    }

    @Test func aBidiOverrideInANameIsIsolatedOnTheReviewPage() throws {
        let html = try Self.output("review.html")
        let result = try CommandLineTests.run([
            "review", "--plan", Self.file("bidi-plan.yaml"), "--deals", Self.file("deals.csv"), "--html", html,
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let page = try String(contentsOfFile: html, encoding: .utf8)
        #expect(page.contains("\u{2068}Ana \u{202E}evil\u{2069}"))
        #expect(!page.replacingOccurrences(of: "\u{2068}Ana \u{202E}evil\u{2069}", with: "").contains("\u{202E}"))
    }

    // MARK: Every row is accounted for

    @Test func reviewAndForecastStopAtUnreadableRowsUnlessAskedToSkipThem() throws {
        let deals = Self.file("unreadable-deals.csv")
        let listing = "3 deal rows cannot be read (D5 \"TBD\", C6 \"someday\", D7 \"#VALUE!\")"
        let review = ["review", "--plan", Self.file("plan.yaml"), "--deals", deals]
        Self.expectRefusal(try CommandLineTests.run(review), naming: deals, listing)
        let forecast = [
            "forecast", "--plan", Self.file("plan.yaml"), "--deals", deals, "--pipeline", Self.file("pipeline.csv"),
        ]
        Self.expectRefusal(try CommandLineTests.run(forecast), naming: deals, listing)
        for command in [review, forecast] {
            let skipped = try CommandLineTests.run(command + ["--skip-unreadable"])
            #expect(skipped.status == 1, "\(skipped.stderr)")
            #expect(skipped.stderr.contains("3 of 6 deal rows left out (--skip-unreadable)"), "\(skipped.stderr)")
            #expect(skipped.stderr.contains("amounts 750.25 left out, and 2 amounts that could not be read"))
        }
    }

    /// A row crediting a rep the roster does not have is a `wrong_rep` finding whose figure is
    /// kept (the roster may lack a new hire), and a payroll from such a run, which would not pay
    /// the row, is refused unless `--skip-unreadable` asks to leave it out.
    @Test func aPayrollIsRefusedWhenARowNamesARepTheRosterLacks() throws {
        let folder = try CommandLineTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let workbook = folder.appendingPathComponent("manual.csv").path
        try """
        Deal ID,Rep,Close Date,Amount,Commission
        D1,Ana Lima,2026-01-15,10000,500.00
        D2,Carl Zed,2026-01-20,20000,1000.00
        """.write(toFile: workbook, atomically: true, encoding: .utf8)
        let roster = folder.appendingPathComponent("roster.csv").path
        try "id,name\nR1,Ana Lima\n".write(toFile: roster, atomically: true, encoding: .utf8)
        let plan = folder.appendingPathComponent("plan.yaml").path
        try PlanTexts.flat("Flat").write(toFile: plan, atomically: true, encoding: .utf8)
        let arguments = ["reconcile", workbook, "--plan", plan, "--roster", roster, "--format", "json"]
        let result = try CommandLineTests.run(arguments)
        #expect(result.status == 1, "\(result.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let findings = try #require(json["findings"] as? [[String: Any]])
        #expect(findings.map { "\($0["cell"] ?? "") \($0["cause"] ?? "")" } == ["E3 wrong_rep"], "\(findings)")
        let payroll = folder.appendingPathComponent("payroll.csv").path
        Self.expectRefusal(
            try CommandLineTests.run(arguments + ["--payroll", payroll]), naming: payroll,
            "1 deal row(s) of \(workbook) name a rep the roster does not have (row 3, 'Carl Zed', first)")
        #expect(!FileManager.default.fileExists(atPath: payroll))
        #expect(try CommandLineTests.run(arguments + ["--payroll", payroll, "--skip-unreadable"]).status == 1)
        #expect(FileManager.default.fileExists(atPath: payroll))
    }

    @Test func reconcileReportsUnreadableRowsAndErrorTotalsAtTheirCells() throws {
        let workbook = Self.file("unreadable-workbook.xlsx")
        let arguments = ["reconcile", workbook, "--plan", Self.file("plan.yaml"), "--format", "json"]
        let result = try CommandLineTests.run(arguments)
        #expect(result.status == 1, "\(result.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let findings = try #require(json["findings"] as? [[String: Any]])
        let unreadable = findings.filter { ($0["causes"] as? [String])?.first == "unreadable" }
        #expect(Set(unreadable.compactMap { $0["cell"] as? String }) == ["D4", "E6"], "\(findings)")

        let payroll = try Self.output("payroll.csv")
        let refused = try CommandLineTests.run(arguments + ["--payroll", payroll])
        Self.expectRefusal(refused, naming: payroll, "1 deal row(s) of \(workbook) cannot be read (row 4 first)")
        #expect(!FileManager.default.fileExists(atPath: payroll))
        #expect(try CommandLineTests.run(arguments + ["--payroll", payroll, "--skip-unreadable"]).status == 1)
        #expect(FileManager.default.fileExists(atPath: payroll))

        // The unreadable amount is reported, never overwritten: directly and through `correct`.
        let findingsFile = try Self.output("findings.json")
        try Data(result.stdout.utf8).write(to: URL(fileURLWithPath: findingsFile))
        let direct = try Self.output("direct.xlsx")
        #expect(try CommandLineTests.run(arguments + ["--out", direct]).status == 1)
        let later = try Self.output("later.xlsx")
        let corrected = try CommandLineTests.run(["correct", workbook, "--findings", findingsFile, "--out", later])
        #expect(corrected.status == 0, "\(corrected.stderr)")
        for path in [direct, later] {
            let csv = try Self.output("corrected.csv")
            #expect(try CommandLineTests.run(["convert", path, csv, "--sheet", "Sheet1"]).status == 0)
            let rows = try String(contentsOfFile: csv, encoding: .utf8).components(separatedBy: "\r\n")
            #expect(rows[3].hasPrefix("D-4,R-1,") && rows[3].contains(",TBD,"), "\(rows)")
        }
    }

    /// An export cut in the middle of its last row (`Q-7019,Bo F`) is refused, naming the file and
    /// the row: compared without that row, the workbook's right figure for it was an extra line.
    @Test func reconcileRefusesAnExportItCannotReadWhole() throws {
        let case01 = CalculateCommandTests.scenarios.appendingPathComponent("case-01")
        let whole = try String(contentsOf: case01.appendingPathComponent("deals.csv"), encoding: .utf8)
        let lines = whole.split(separator: "\n", omittingEmptySubsequences: true)
        let cut = lines.dropLast().joined(separator: "\n") + "\n" + lines.last!.prefix(12)
        let deals = try Self.output("deals-cut.csv")
        try cut.write(toFile: deals, atomically: true, encoding: .utf8)
        let result = try CommandLineTests.run([
            "reconcile", case01.appendingPathComponent("manual.xlsx").path, "--plan",
            case01.appendingPathComponent("plan.yaml").path, "--deals", deals,
        ])
        Self.expectRefusal(result, naming: "deals-cut.csv", "cannot be read")
        #expect(result.stderr.contains("deals-cut.csv:\(lines.count): "), "\(result.stderr)")
    }

    // MARK: Odd input

    @Test func utf16WithoutAByteOrderMarkIsRead() throws {
        let expected = try CommandLineTests.run(Self.calculateArguments + ["--format", "csv"])
        let result = try CommandLineTests.run([
            "calculate", "--plan", Self.file("plan.yaml"), "--deals", Self.file("utf16-no-bom.csv"), "--format", "csv",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == expected.stdout)
    }

    @Test func nulBytesNeverReachOutputCSV() throws {
        let csv = try Self.output("nul.csv")
        #expect(try CommandLineTests.run(["convert", Self.file("nul.csv"), csv]).status == 0)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: csv))
        #expect(!bytes.contains(0))
        #expect(String(decoding: bytes, as: UTF8.self) == "name,note\r\nAna,ab\r\n")
    }

    @Test func twoFieldsPinnedToOneColumnAreRefused() throws {
        let result = try CommandLineTests.run(
            Self.calculateArguments + ["--map", "rep=Amount", "--map", "amount=Amount"])
        #expect(result.status == 2)
        #expect(
            result.stderr
                == "trueup: error: --map 'amount' and 'rep' both read the column 'Amount': a column of amounts, dates or rates holds one field\n"
        )
    }

    /// A 100 KB value quoted in an error is cut in the middle, not printed whole.
    @Test func aLongValueInAnErrorIsShortened() throws {
        let result = try CommandLineTests.run([
            "calculate", "--plan", Self.file("plan.yaml"), "--deals", Self.file("repeated-row.xlsx"), "--sheet",
            String(repeating: "x", count: 100_000),
        ])
        #expect(result.status == 2)
        #expect(
            result.stderr.count < 5000 && result.stderr.contains("characters left out)"), "\(result.stderr.prefix(300))"
        )
    }

    @Test func oneFieldMappedTwiceIsRefused() throws {
        let result = try CommandLineTests.run(
            Self.calculateArguments + ["--map", "amount=Amount", "--map", "amount=Commission"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("'amount' is already mapped to 'Amount'"), "\(result.stderr)")
        // The same pin twice says one thing.
        let twice = try CommandLineTests.run(
            Self.calculateArguments + ["--map", "amount=Amount", "--map", "amount=Amount"])
        #expect(twice.status == 0, "\(twice.stderr)")
    }

    @Test func convertRefusesJSONInput() throws {
        let json = try Self.output("cells.json")
        #expect(try CommandLineTests.run(["convert", Self.file("cells-out-of-order.xlsx"), json]).status == 0)
        let result = try CommandLineTests.run(["convert", json, try Self.output("back.csv")])
        Self.expectRefusal(result, naming: json, "not JSON")
    }

    @Test func thresholdAndCommitLevelReadPercentagesByOneRule() throws {
        let review = [
            "review", "--plan", Self.file("plan.yaml"), "--deals", Self.file("deals.csv"), "--format", "json",
        ]
        let percent = try CommandLineTests.run(review + ["--threshold", "50%"])
        #expect(percent.status == 0)
        #expect(try CommandLineTests.run(review + ["--threshold", "50"]).stdout == percent.stdout)
        #expect(try CommandLineTests.run(review + ["--threshold", "0.5"]).stdout == percent.stdout)
        let samples = ReviewCommandTests.samples
        let forecast = [
            "forecast", "--plan", samples.appendingPathComponent("plan.yaml").path, "--deals",
            samples.appendingPathComponent("deals-2026.csv").path, "--roster",
            samples.appendingPathComponent("roster.csv").path, "--pipeline",
            samples.appendingPathComponent("pipeline.csv").path, "--format", "json",
        ]
        let eighty = try CommandLineTests.run(forecast + ["--commit-at", "80%"])
        #expect(eighty.status == 0, "\(eighty.stderr)")
        #expect(try CommandLineTests.run(forecast + ["--commit-at", "80"]).stdout == eighty.stdout)
        let unknown = try CommandLineTests.run(forecast + ["--target", "East=5"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("no team 'East'") && unknown.stderr.split(separator: "\n").count == 1)
    }

    /// Session 30's leftovers (hostile6), each refused in one line naming the file (and the sheet
    /// and cell where there is one), by `inspect` and by `convert`.
    @Test(arguments: [
        ("many-entries.xlsx", "the archive lists 2105 entries; a workbook may have at most 2000"),
        ("case-sheets.xlsx", "sheets 1 and 2 are named 'Deals' and 'DEALS', which Excel forbids"),
        ("long-sheet-name.xlsx", "sheet 2's name is 3000 characters long; a sheet name has at most 255"),
        ("huge-number.xlsx", "Sheet1!B2: the number '1e400' is beyond what a spreadsheet cell holds"),
        ("long-cell.xlsx", "Sheet1!A1: the cell's text is longer than 32767 characters"),
        ("utf32.csv", "the file is UTF-32, which trueup does not read: save it as UTF-8"),
    ])
    func aFileNoSpreadsheetWritesIsRefusedInOneLine(name: String, reason: String) throws {
        let file = Self.file(name)
        for command in [["inspect", file], ["convert", file, try Self.output("out.csv")]] {
            Self.expectRefusal(try CommandLineTests.run(command), naming: file, reason)
        }
    }

    @Test func versionIsPrinted() throws {
        let result = try CommandLineTests.run(["--version"])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("trueup "))
    }
}
