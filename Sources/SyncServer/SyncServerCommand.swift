import ArgumentParser

/// `sync-server`: the TraceSync central server that devices enroll with and sync their journals to.
@main
struct SyncServerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync-server",
        abstract: "重要产品追溯 · 同步服务器 / TraceSync sync server.",
        discussion: """
            设备用一次性注册码注册，然后推送变更日志、拉取本节点的数据。
            Devices enroll with a one-time code, then push their journals and pull their node's data.
            """,
        subcommands: [Serve.self, Admin.self, Export.self, BackupCommand.self, RestoreCommand.self, VerifyCommand.self]
    )
}
