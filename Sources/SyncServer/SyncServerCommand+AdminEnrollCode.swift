import ArgumentParser
import SyncCore
import CentralCore
import CentralSQLite

extension SyncServerCommand.Admin {
    /// `admin enroll-code`: issues a one-time code a device of the node enrolls with.
    struct EnrollCode: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "enroll-code",
            abstract: "为节点签发一次性设备注册码 / Issue a one-time device enrollment code for a node."
        )

        /// The issued code, as `--json` prints it.
        struct Issued: Encodable {
            let code: String
            let node: String
            let expiresAt: Int64
            let expires: String
        }

        @OptionGroup var options: AdminOptions
        @Option(help: "节点编码 / node code") var node: String
        @Option(help: "有效期：7d、24h 或日期 2026-12-01 / valid for 7d, 24h or until a date such as 2026-12-01")
        var expires = "7d"
        @Flag(help: "以 JSON 输出 / print JSON for scripts") var json = false

        func run() throws {
            try options.withAuditedStore(action: "enroll_code.issue", target: node) { store in
                let expiresAt = try EnrollCodeExpiry.parse(expires, now: store.clock())
                let code = try store.issueEnrollCode(node: node, expiresAt: expiresAt)
                let issued = Issued(code: code, node: node, expiresAt: expiresAt, expires: BusinessTime.iso(expiresAt))
                if json { return try printJSON(issued) }
                print("""
                    注册码 / enrollment code: \(code)
                    节点 / node: \(node) \(try store.node(node).name)
                    有效期至 / expires: \(BusinessTime.display(expiresAt)) (UTC+8)
                    只能使用一次 / works once: field enroll <服务器地址 server URL> \(code)
                    """)
            }
        }
    }
}
