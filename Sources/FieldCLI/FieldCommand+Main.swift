import ArgumentParser
import Foundation
import SyncCore

extension FieldCommand {
    /// The entry point: the parser's own, except that a command line the parser refuses is explained Chinese first
    /// with the English after (or as JSON with `--json`), with the subcommand meant when one was mistyped, and ends
    /// with the parser's exit code (64). Help, `--version` and the commands' own refusals are printed as before.
    static func main() async {
        let arguments = Array(CommandLine.arguments.dropFirst())
        var command: any ParsableCommand
        do {
            command = try await asyncParseAsRoot(arguments)
        } catch {
            guard exitCode(for: error) != .success else { exit(withError: error) }
            let refusal = UsageRefusal(error: error, arguments: arguments, root: self)
            refusal.print(language: UsageRefusal.language(arguments), json: arguments.contains("--json"))
            Foundation.exit(exitCode(for: error).rawValue)
        }
        do {
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            exit(withError: error)
        }
    }
}
