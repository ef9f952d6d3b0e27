import ArgumentParser
import Foundation
import SyncCore
import CentralCore
import CentralSQLite

extension SyncServerCommand.Admin {
    /// `admin hold`: batches under a food-safety hold, and the release that alone lifts one (DESIGN.md §4).
    struct HoldCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "hold",
            abstract: "查看和解除食品安全扣留 / List and release food-safety holds.",
            discussion: """
                检测不合格或整批销毁会扣留批次；设备作废或更正这些记录不会解除扣留。复检合格后由管理员解除，解除记录同步到本节点的设备。
                A failed test or a disposal of the whole balance holds a batch; a device voiding or correcting it does not lift the hold. After a passing re-test an admin releases it, and the release syncs to the node's devices.
                """,
            subcommands: [List.self, Release.self]
        )
    }
}

extension SyncServerCommand.Admin.HoldCommand {
    /// `admin hold list`: the held batches, by code.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "列出被扣留的批次 / List held batches.")

        @OptionGroup var options: AdminOptions
        @Option(help: "只列出此节点 / only this node, e.g. 46010001") var node: String?
        @Flag(help: "以 JSON 输出 / print JSON for scripts") var json = false

        func run() throws {
            try options.withStore { store in
                if let node { _ = try store.node(node) }
                let holds = try store.holds(node: node)
                if json { return try printJSON(holds) }
                guard !holds.isEmpty else { return print("没有被扣留的批次 / no held batches") }
                print("批次 batch\t节点 node\t产品 product\t扣留原因 held by\t待处理冲突 open conflicts\t可解除 releasable")
                for held in holds {
                    let releasable = held.releaseRefusal.map { "否 no：\($0.zh) / \($0.en)" } ?? "是 yes"
                    print("\(held.code)\t\(held.node)\t\(held.product)\t\(held.heldBy.joined(separator: ","))\t"
                        + "\(held.openConflicts.map(String.init).joined(separator: ",").nonEmptyOrDash)\t\(releasable)")
                }
            }
        }
    }

    /// `admin hold release CODE --note …`: lifts the hold after a passing re-test, as a server entry devices pull.
    struct Release: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "复检合格后解除扣留 / Release a held batch after a passing re-test.",
            discussion: """
                需要在每个扣留原因之后有合格的复检（检测不合格：同一项目；整批销毁被作废或更正：任一检测）；仍然有效的销毁不能解除。必须写明解除说明（--note）。同时处理本批次待处理的「扣留期间作废」冲突。
                Needs a passing re-test after each cause of the hold (a failed test: of the same item; a voided or corrected disposal of the whole balance: any test); a disposal that counts cannot be released. --note is required. Settles the batch's open hold_voided conflicts too.
                """
        )

        @OptionGroup var options: AdminOptions
        @Argument(help: "批次追溯码 / the batch's trace code") var code: String
        @Option(help: "解除说明（必填）/ why (required)") var note: String
        @Option(help: "处理人 / who decides") var author = "admin-cli"
        @Flag(help: "以 JSON 输出 / print JSON for scripts") var json = false

        func validate() throws {
            guard !author.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw ValidationError("处理人不能为空 / --author must not be empty")
            }
        }

        func run() throws {
            try options.withAuditedStore(action: "hold.release", target: code) { store in
                let released = try store.releaseHold(code, ReleaseRequest(note: note), author: author)
                if json { return try printJSON(released) }
                print("已解除扣留 / hold released: \(released.code)（状态 status: \(released.status.label.zh) / \(released.status.label.en)）")
                print("  解除 lifts: \(released.lifts.joined(separator: ", "))")
                print("  复检 re-tests: \(released.retests.joined(separator: ", "))")
                print("  服务器记录 server entry: server #\(released.serverSeq)")
                if !released.settledConflicts.isEmpty {
                    print("  已处理冲突 settled conflicts: \(released.settledConflicts.map(String.init).joined(separator: ", "))")
                }
            }
        }
    }
}

private extension String {
    var nonEmptyOrDash: String { isEmpty ? "-" : self }
}
