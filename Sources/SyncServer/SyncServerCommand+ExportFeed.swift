import ArgumentParser
import SyncCore
import CentralCore
import CentralSQLite

extension SyncServerCommand.Export {
    /// `export feed`: one page of the exchange feed as JSON; resume with `--cursor` set to its `nextCursor`.
    struct Feed: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "导出数据交换流水的一页（JSON）/ Export one page of the exchange feed (JSON).",
            discussion: """
                从 --cursor 之后开始；下一页用输出中的 nextCursor。流水不含价格和买方姓名。
                Starts after --cursor; the next page starts at the output's nextCursor. The feed carries no prices and no buyers' names.
                """
        )

        @OptionGroup var options: AdminOptions
        @Option(help: "从此游标之后开始，默认 0 / start after this cursor (default 0)") var cursor: String?
        @Option(help: "每页条数，1 到 1000，默认 100 / items per page, 1 to 1000 (default 100)") var limit: String?

        func validate() throws {
            _ = try query()
        }

        func run() throws {
            let query = try query()
            try options.withStore { store in
                try printJSON(try store.feed(after: query.cursor, limit: query.limit))
            }
        }

        private func query() throws -> FeedQuery {
            do {
                return try FeedQuery(cursor: cursor, limit: limit)
            } catch let refusal as TraceSyncError {
                throw ValidationError(refusal)
            }
        }
    }
}
