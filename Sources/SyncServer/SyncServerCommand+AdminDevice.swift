import ArgumentParser
import SyncCore
import CentralCore
import CentralSQLite

extension SyncServerCommand.Admin {
    /// `admin device`: lists enrolled devices and revokes them.
    struct DeviceCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "device",
            abstract: "列出和吊销设备 / List and revoke devices.",
            subcommands: [List.self, Revoke.self]
        )

        struct List: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: "列出已注册设备 / List enrolled devices.")

            @OptionGroup var options: AdminOptions
            @Option(help: "只列出此节点的设备 / only this node's devices") var node: String?
            @Flag(help: "以 JSON 输出 / print JSON for scripts") var json = false

            func run() throws {
                try options.withStore { store in
                    if let node { _ = try store.node(node) }
                    let devices = try store.devices(node: node)
                    if json { return try printJSON(devices) }
                    print("设备 device\t节点 node\t序号 no.\t状态 status\t已确认 acked\t最后同步 last seen\t名称 name")
                    for device in devices {
                        let status = device.revoked ? "已吊销 revoked" : "正常 active"
                        let seen = device.lastSeenAt.map(BusinessTime.display) ?? "-"
                        print("\(device.id)\t\(device.node)\t\(device.deviceNumber)\t\(status)\t\(device.ackedSeq)\t\(seen)\t\(device.name)")
                    }
                }
            }
        }

        struct Revoke: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "吊销设备：其后的请求一律拒绝，已同步的数据保留 / Revoke a device: its next requests are refused; its synced data stays."
            )

            @OptionGroup var options: AdminOptions
            @Argument(help: "设备编号 / device id") var id: String

            func run() throws {
                try options.withAuditedStore(action: "device.revoke", target: id) { store in
                    try store.revokeDevice(id)
                    print("设备已吊销 / device revoked: \(id)")
                }
            }
        }
    }
}
