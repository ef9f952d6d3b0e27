public import Foundation
import SyncCore
import CentralCore
import CentralSQLite

extension ServerProcess {
    /// The password the helpers give the bootstrap admin `admin`.
    public static let adminPassword = "Haikou-Mango-2026"

    /// The one-time bootstrap token the server printed at its first start.
    public var bootstrapToken: String {
        get throws {
            let marker = "bootstrap token (shown once, only for setting the first password of the province admin `admin`): "
            guard let line = log.split(separator: "\n").first(where: { $0.contains(marker) }) else {
                throw HarnessError("the server printed no bootstrap token:\n\(log)")
            }
            return String(line[line.range(of: marker)!.upperBound...]).trimmingCharacters(in: .whitespaces)
        }
    }

    /// A session token of the province admin `admin`, as an operator gets one after the first start: the printed
    /// bootstrap token sets `admin`'s password (`POST /v1/auth/password`), then `admin` logs in.
    public func adminSession() async throws -> String {
        let set = try await HTTP.send(
            "POST", url + "/v1/auth/password", body: try Self.json(["bootstrapToken": try bootstrapToken, "newPassword": Self.adminPassword]),
            headers: ["Content-Type": "application/json"]
        )
        guard set.status == 204 else { throw HarnessError("setting admin's password failed: \(set.status) \(set.body)") }
        return try await login(name: CentralStore.bootstrapAdminName, password: Self.adminPassword)
    }

    /// Logs `name` in; returns the session token.
    public func login(name: String, password: String) async throws -> String {
        let response = try await HTTP.send(
            "POST", url + "/v1/auth/login", body: try Self.json(["name": name, "password": password]),
            headers: ["Content-Type": "application/json"]
        )
        guard response.status == 200, case .string(let token)? = try JSONValue.parse(response.body)["token"] else {
            throw HarnessError("login of \(name) failed: \(response.status) \(response.body)")
        }
        return token
    }

    private static func json(_ members: [String: String]) throws -> Data {
        try JSONSerialization.data(withJSONObject: members)
    }
}
