import ArgumentParser
import Foundation
import SyncCore

extension FieldCommand {
    struct Enroll: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "用管理员给的注册码把本设备注册到同步服务器 / Enroll this device with a sync server.",
            discussion: """
                已离线初始化的设备保留其日志、节点和设备序号；未初始化的设备由服务器分配。
                A device initialised offline keeps its journal, node and number; a new one gets them from the server.
                """
        )

        @OptionGroup var options: GlobalOptions
        @OptionGroup var connection: ConnectionOptions
        @Argument(help: "服务器地址 / server URL, e.g. http://127.0.0.1:8080") var url: String
        @Argument(help: "一次性注册码 / one-time enrollment code") var code: String
        @Option(help: "设备名称 / a name for this device") var name: String = ProcessInfo.processInfo.hostName
        @Option(help: "检测员姓名（新设备）/ the inspector's name (new device)") var inspector: String = "检测员"

        func validate() throws {
            guard let parsed = URL(string: url), ["http", "https"].contains(parsed.scheme ?? ""), parsed.host != nil else {
                throw ValidationError("服务器地址应形如 http://127.0.0.1:8080 / the server URL must look like http://127.0.0.1:8080")
            }
        }

        func run() async throws {
            let output = options.output
            let existing = FileManager.default.fileExists(atPath: options.db) ? try? options.openStore() : nil
            if let existing, let settings = try existing.syncSettings() {
                throw output.fail(code: "already_enrolled", field: "db", message: LocalizedText(
                    zh: "本设备已注册到 \(settings.serverURL)，无需重复注册。", en: "this device is already enrolled with \(settings.serverURL)."
                ))
            }
            let request = EnrollRequest(
                code: code, deviceName: name, deviceId: existing?.identity.deviceId, node: existing?.identity.node,
                deviceNumber: existing?.identity.deviceNumber
            )
            connection.announce(url, output: output)
            let response: EnrollResponse
            do {
                response = try await SyncClient.with(baseURL: URL(string: url)!, secret: nil, options: connection) { client in
                    try await Retrying(attempts: 3, initialDelay: 1, output: output).run(
                        LocalizedText(zh: "注册", en: "enrollment")
                    ) { try await client.send("POST", "v1/devices/enroll", body: request, as: EnrollResponse.self) }
                }
            } catch SyncClient.Failure.unreachable(let problem) {
                throw ServerUnreachable(server: url, problem: problem, standing: LocalizedText(
                    zh: "本设备未注册，未做任何改动；联网后再运行 field enroll。",
                    en: "The device is not enrolled and nothing was changed. Run `field enroll` again once the server can be reached."
                )).report(output)
            } catch let failure as SyncClient.Failure {
                throw output.fail(code: "enroll_failed", field: nil, message: failure.summary)
            }
            try output.reportingRefusals {
                let store = try existing ?? FieldStore.initialize(
                    path: options.db, node: response.node.code, deviceNumber: response.deviceNumber,
                    inspector: inspector, deviceId: response.deviceId
                )
                try store.enrolled(serverURL: url, response: response)
                try output.emit(["deviceId": response.deviceId, "node": response.node.code,
                                 "deviceNumber": String(response.deviceNumber)]) {
                    output.text(
                        "已注册：\(response.node.name)（\(response.node.code)），设备序号 \(response.deviceNumber)。运行 field sync 同步。",
                        "enrolled at \(response.node.nameEn) (\(response.node.code)) as device number \(response.deviceNumber). Run `field sync` to sync."
                    )
                }
            }
        }
    }
}
