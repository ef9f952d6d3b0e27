import ArgumentParser
import Foundation
import SyncCore
import CentralCore
import CentralSQLite

extension SyncServerCommand.Admin {
    /// `admin complaints`: shoppers' complaints, in the queue of the node that sold the goods: list and answer them.
    struct ComplaintsCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "complaints",
            abstract: "查看和答复消费者投诉 / List and answer consumer complaints.",
            discussion: """
                消费者在追溯页面提交投诉，投诉进入售出商品的节点的队列；答复显示在消费者的回执页面上。手机号一律打码显示。
                Shoppers file complaints from the trace page into the queue of the node that sold the goods; the reply shows on the shopper's receipt page. Phone numbers are always masked.
                """,
            subcommands: [List.self, Answer.self]
        )
    }
}

extension SyncServerCommand.Admin.ComplaintsCommand {
    /// `admin complaints list`: the queue, newest first.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "列出投诉，最新的在前 / List complaints, newest first.")

        @OptionGroup var options: AdminOptions
        @Option(help: "只列出此状态 / only this status: received, in_progress, answered") var status: String?
        @Option(help: "只列出此节点 / only this node, e.g. 46010001") var node: String?
        @Flag(help: "以 JSON 输出 / print JSON for scripts") var json = false

        func validate() throws {
            _ = try query()
        }

        func run() throws {
            let query = try query()
            try options.withStore { store in
                if let node = query.node { _ = try store.node(node) }
                let complaints = try store.complaints(query.filter).map(\.masked)
                if json { return try printJSON(complaints) }
                guard !complaints.isEmpty else { return print("没有投诉 / no complaints") }
                print("编号 id\t回执号 receipt\t节点 node\t追溯码 code\t类型 category\t状态 status\t属实 upheld\t提交 filed at")
                for complaint in complaints {
                    let upheld = complaint.upheld.map { $0 ? "属实 yes" : "不属实 no" } ?? "-"
                    print("\(complaint.id)\t\(complaint.receipt)\t\(complaint.node)\t\(complaint.code)\t\(complaint.category.label.zh) / \(complaint.category.label.en)\t\(complaint.status.rawValue)\t\(upheld)\t\(BusinessTime.display(complaint.filedAt))")
                }
            }
        }

        private func query() throws -> ComplaintQuery {
            do {
                return try ComplaintQuery(node: node, status: status)
            } catch let refusal as TraceSyncError {
                throw ValidationError(refusal)
            }
        }
    }

    /// `admin complaints answer ID`: takes a complaint up or answers it; the reply shows on the shopper's page.
    struct Answer: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "处理或答复投诉 / Take up or answer a complaint.",
            discussion: """
                --status in_progress 表示已受理；--status answered 须同时给出 --reply（消费者可见）和 --upheld yes|no。
                --status in_progress takes it up; --status answered needs --reply (the shopper reads it) and --upheld yes|no.
                """
        )

        @OptionGroup var options: AdminOptions
        @Argument(help: "投诉编号 / complaint id") var id: Int64
        @Option(help: "状态 / status: in_progress, answered") var status: String
        @Option(help: "给消费者的答复 / the reply to the shopper") var reply: String?
        @Option(help: "投诉是否属实 / upheld: yes or no") var upheld: String?
        @Option(help: "处理人 / who answers") var author = "admin-cli"
        @Flag(help: "以 JSON 输出 / print JSON for scripts") var json = false

        func validate() throws {
            _ = try answer()
            guard !author.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw ValidationError("处理人不能为空 / --author must not be empty")
            }
        }

        func run() throws {
            let answer = try answer()
            try options.withAuditedStore(action: "complaint.answer", target: "complaint:\(id)") { store in
                let complaint = try store.answerComplaint(id, answer, author: author).masked
                if json { return try printJSON(complaint) }
                print("投诉已更新 / complaint updated: \(id) \(complaint.receipt) → \(complaint.status.label.zh) / \(complaint.status.label.en)")
            }
        }

        private func answer() throws -> ComplaintAnswer {
            let upheldValue: Bool?
            switch upheld {
            case nil: upheldValue = nil
            case "yes"?: upheldValue = true
            case "no"?: upheldValue = false
            case let other?: throw ValidationError("--upheld \(other) 无效：可用 yes 或 no / --upheld \(other) is not valid: use yes or no")
            }
            do {
                return try ComplaintAnswer(status: ComplaintQuery.status(status), reply: reply, upheld: upheldValue).checked()
            } catch let refusal as TraceSyncError {
                throw ValidationError(refusal)
            }
        }
    }
}
