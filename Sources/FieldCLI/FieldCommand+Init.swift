import ArgumentParser
import SyncCore

extension FieldCommand {
    struct Init: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "初始化本设备 / Set up this device for a node.",
            discussion: "载入内置的行政区划和产品目录。 Loads the bundled regions and product catalogue."
        )

        @OptionGroup var options: GlobalOptions

        @Option(help: "节点编码（8 位）/ node code (8 digits), e.g. 46010001")
        var node: String

        @Option(help: "本设备在节点内的序号 1–999 / this device's number within the node")
        var deviceNumber: Int

        @Option(help: "检测员姓名 / the inspector's name")
        var inspector: String = "检测员"

        func run() throws {
            let output = options.output
            try output.reportingRefusals {
                let store = try FieldStore.initialize(
                    path: options.db, node: node, deviceNumber: deviceNumber, inspector: inspector
                )
                try output.emit(store.identity) {
                    output.text(
                        "设备已初始化：节点 \(node)，设备序号 \(deviceNumber)，设备编号 \(store.identity.deviceId)，数据库 \(options.db)",
                        "device initialised: node \(node), device number \(deviceNumber), device id \(store.identity.deviceId), database \(options.db)"
                    )
                }
            }
        }
    }
}
