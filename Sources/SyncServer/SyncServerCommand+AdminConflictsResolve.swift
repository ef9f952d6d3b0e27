import ArgumentParser
import Foundation
import SyncCore
import CentralCore
import CentralSQLite

extension SyncServerCommand.Admin.ConflictsCommand {
    /// `admin conflicts resolve ID`: settles an open conflict; a decision that changes data becomes a server entry.
    struct Resolve: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "处理冲突 / Resolve a conflict.",
            discussion: """
                choose：选择一个候选值（--candidate N，见 show）；set：填写新值（--value）；两者仅用于并发更正。void：作废一条记录（--event-id）；accept：维持临时结果。必须写明处理说明（--note）。
                choose takes a candidate (--candidate N, as show lists them); set enters a value (--value); both only for a concurrent edit. void voids an event (--event-id); accept keeps the provisional outcome. --note is required.
                """
        )

        @OptionGroup var options: AdminOptions
        @Argument(help: "冲突编号 / conflict id") var id: Int64
        @Option(help: "处理方式 / action: choose, set, void, accept") var action: String
        @Option(help: "choose：候选值序号，从 0 开始 / choose: the candidate's position, from 0") var candidate: Int?
        @Option(help: "set：新值 / set: the value") var value: String?
        @Option(help: "void：要作废的记录编号 / void: the event to void") var eventId: String?
        @Option(help: "处理说明（必填）/ why (required)") var note: String
        @Option(help: "处理人 / who decides") var author = "admin-cli"
        @Flag(help: "以 JSON 输出 / print JSON for scripts") var json = false

        func validate() throws {
            _ = try resolutionAction()
            guard !author.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw ValidationError("处理人不能为空 / --author must not be empty")
            }
        }

        func run() throws {
            let request = ResolveRequest(action: try resolutionAction(), candidate: candidate, value: value,
                                         eventId: eventId, note: note)
            try options.withAuditedStore(action: "conflict.resolve", target: String(id)) { store in
                let resolved = try store.resolve(id, request, author: author)
                if json { return try printJSON(resolved) }
                print("冲突已处理 / conflict resolved: \(id)")
                print(resolved.detailLines.joined(separator: "\n"))
            }
        }

        private func resolutionAction() throws -> ResolutionAction {
            guard let resolution = ResolutionAction(rawValue: action) else {
                let allowed = ResolutionAction.allCases.map(\.rawValue)
                throw ValidationError(
                    "处理方式「\(action)」无效：可用 \(allowed.joined(separator: "、")) / --action \(action) is not valid: use one of \(allowed.joined(separator: ", "))"
                )
            }
            return resolution
        }
    }
}
