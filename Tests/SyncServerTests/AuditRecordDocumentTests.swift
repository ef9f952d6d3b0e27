import Foundation
import Hummingbird
import HummingbirdTesting
import SyncCore
import CentralCore
import CentralSQLite
@testable import SyncServer
import Testing

/// `/openapi.json` promises what an audit listing carries: every member of every record, `null` where a record has
/// no value (schemathesis in `.ci/schemathesis.py` checks every response so; this pins the audit record, which it
/// first found documented as string and integer where the server sends `null`).
@Suite struct AuditRecordDocumentTests {
    @Test func everyMemberOfAnAuditRecordIsDocumentedAsRequiredAndNullableWhereItIsNull() async throws {
        try await withServer { server in
            let token = try server.adminToken()
            _ = try await server.send(.get, "/v1/admin/users")                       // refused: a record without detail
            _ = try await server.send(.get, "/v1/admin/audit", secret: token)
            let response = try await server.send(.get, "/v1/admin/audit", secret: token)
            #expect(response.status == .ok, "\(response.text)")
            let records = try #require(try JSONSerialization.jsonObject(with: Data(response.text.utf8)) as? [[String: Any]])
            #expect(records.contains { $0.values.contains { $0 is NSNull } }, "no record with a null member to check")

            let document = try #require(try JSONSerialization.jsonObject(
                with: Data(try await server.send(.get, "/openapi.json").text.utf8)) as? [String: Any])
            let schema = try #require(
                ((document["components"] as? [String: Any])?["schemas"] as? [String: Any])?["AuditRecord"] as? [String: Any])
            let required = Set(try #require(schema["required"] as? [String]))
            let properties = try #require(schema["properties"] as? [String: [String: Any]])
            for record in records {
                #expect(Set(record.keys) == required, "record #\(record["seq"] ?? "?"): members and required differ")
                for (name, value) in record where value is NSNull {
                    let types = properties[name]?["type"] as? [String] ?? []
                    #expect(types.contains("null"), "\(name) is null in record #\(record["seq"] ?? "?") but not nullable")
                }
            }
        }
    }
}
