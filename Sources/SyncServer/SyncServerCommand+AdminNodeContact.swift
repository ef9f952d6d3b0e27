import ArgumentParser
import SyncCore
import CentralCore
import CentralSQLite

extension SyncServerCommand.Admin.NodeCommand {
    /// `admin node contact`: sets the public phone number and address the consumer's page shows for a node.
    struct Contact: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "设置节点的公开电话和地址（消费者查询页显示）/ Set a node's public phone and address (shown to consumers).",
            discussion: "只填市场办公室的公开电话，不要填个人手机号。空字符串清除该项。/ Give the market office's public number, never a person's own; an empty value clears it."
        )

        @OptionGroup var options: AdminOptions
        @Argument(help: "节点编码 / node code, e.g. 46010001") var code: String
        @Option(help: "公开电话 / public phone, e.g. 0898-6678 2301") var phone: String?
        @Option(help: "地址 / street address") var address: String?

        func validate() throws {
            guard phone != nil || address != nil else {
                throw ValidationError("请给出 --phone 或 --address / give --phone or --address")
            }
        }

        func run() throws {
            try options.withAuditedStore(action: "node.contact", target: code) { store in
                try store.setNodeContact(code, phone: phone, address: address)
                let node = try store.node(code)
                print("已更新节点 / node updated: \(code) \(node.name)　电话 phone: \(node.phone ?? "—")　地址 address: \(node.address ?? "—")")
            }
        }
    }
}
