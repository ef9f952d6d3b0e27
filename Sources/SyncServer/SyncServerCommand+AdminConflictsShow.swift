import ArgumentParser
import SyncCore
import CentralCore
import CentralSQLite

extension SyncServerCommand.Admin.ConflictsCommand {
    /// `admin conflicts show ID`: one conflict with every candidate and its resolution.
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "显示冲突的全部候选值及处理结果 / Show a conflict with every candidate and its resolution."
        )

        @OptionGroup var options: AdminOptions
        @Argument(help: "冲突编号 / conflict id") var id: Int64
        @Flag(help: "以 JSON 输出 / print JSON for scripts") var json = false

        func run() throws {
            try options.withStore { store in
                let conflict = try store.conflict(id)
                if json { return try printJSON(conflict) }
                print(conflict.detailLines.joined(separator: "\n"))
            }
        }
    }
}
