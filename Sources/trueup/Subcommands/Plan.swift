import ArgumentParser
import Commission
import PlanFile

struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan", abstract: "Work with plan files.", subcommands: [Check.self, Infer.self])

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Validate a plan file and print the effective plan in words, every default spelled out.")

        @Argument(help: "The plan file (YAML).")
        var file: String

        func run() throws {
            do {
                print(TerminalText.escaped(try PlanFile.load(path: file).words, keepingLines: true), terminator: "")
            } catch {
                throw UsageError(error.description)
            }
        }
    }
}
