import Hummingbird
import HummingbirdTesting
import SyncCore
import CentralCore
import CentralSQLite
@testable import SyncServer
import Testing

/// `GET /v1/admin/operators`: personal numbers masked for everyone, in full only for a province admin who asks with
/// `reveal=personal`, which is audited.
@Suite struct OperatorMaskingTests {
    static let idNumber = "46010219900315123X"
    static let phone = "13812345678"
    static let route = "/v1/admin/operators?node=46010001"

    private func addIndividual(_ server: ServerHarness) throws {
        try server.admin { store in
            try store.upsert(Operator(id: "OP-46010001-901", node: "46010001", name: "陈小梅", kind: .individual,
                                      idNumber: Self.idNumber, phone: Self.phone))
        }
    }

    private func individual(_ response: TestResponse) throws -> Operator? {
        try response.decoded([Operator].self).first { $0.id == "OP-46010001-901" }
    }

    @Test func anOrganisationRegisteredOnTwoDevicesIsListedOnceWithTheOtherIdAsItsAlias() async throws {
        try await withServer { server in
            for (index, id) in ["OP-46010001-101", "OP-46010001-102"].enumerated() {
                let code = index == 0 ? server.codes["46010001"]!
                    : try server.admin { try $0.issueEnrollCode(node: "46010001", expiresAt: BusinessTime.now() + 60_000) }
                let enrolled = try await server.post("/v1/devices/enroll", EnrollRequest(code: code, deviceName: "机\(index)"))
                var journal = JournalWriter(device: try enrolled.decoded(EnrollResponse.self))
                let registered = Operator(id: id, node: "46010001", name: "海南椰城鲜品贸易有限公司", kind: .organisation,
                                          creditCode: "91460106MA5W3C7P47")
                try journal.append(.operatorRegistration(registered), id: id)
                try await server.push(journal)
            }
            let token = try server.loggedIn("reader", .auditor, nodes: [])
            let response = try await server.send(.get, Self.route, secret: token)
            #expect(response.status == .ok)
            let listed = try response.decoded([ListedOperator].self).filter { $0.operator.creditCode == "91460106MA5W3C7P47" }
            #expect(listed.map(\.operator.id) == ["OP-46010001-101"])
            #expect(listed.first?.aliases == ["OP-46010001-102"])
        }
    }

    @Test(arguments: [AdminRole.province, .node, .auditor])
    func everyRoleSeesThePersonalNumbersMasked(role: AdminRole) async throws {
        try await withServer { server in
            try addIndividual(server)
            let token = try server.loggedIn("reader", role, nodes: role == .node ? ["46010001"] : [])
            let response = try await server.send(.get, Self.route, secret: token)
            #expect(response.status == .ok)
            let listed = try #require(try individual(response))
            #expect(listed.idNumber == "4601**********123X")
            #expect(listed.phone == "138****5678")
            #expect(!response.text.contains(Self.idNumber) && !response.text.contains(Self.phone))
        }
    }

    @Test func aProvinceAdminWhoAsksSeesThemInFullAndIsAudited() async throws {
        try await withServer { server in
            try addIndividual(server)
            let token = try server.loggedIn("li", .province)
            let response = try await server.send(.get, Self.route + "&reveal=personal", secret: token)
            #expect(response.status == .ok)
            #expect(try individual(response)?.idNumber == Self.idNumber)
            #expect(try individual(response)?.phone == Self.phone)
            let reveals = try server.admin { try $0.auditRecords(action: "personal.reveal") }.map(\.event)
            #expect(reveals.map(\.actor) == ["user:li"])
            #expect(reveals.map(\.target) == ["operators:46010001"])
            #expect(reveals.map(\.outcome) == [.success])
        }
    }

    @Test(arguments: [AdminRole.node, .auditor])
    func othersWhoAskAreRefusedAndAudited(role: AdminRole) async throws {
        try await withServer { server in
            try addIndividual(server)
            let token = try server.loggedIn("reader", role, nodes: role == .node ? ["46010001"] : [])
            let response = try await server.send(.get, Self.route + "&reveal=personal", secret: token)
            #expect(response.status == .forbidden)
            #expect(!response.text.contains(Self.idNumber))
            let refused = try #require(try server.admin { try $0.auditRecords(action: "request.refused") }.last)
            #expect(refused.event.actor == "user:reader")
            #expect(refused.event.status == 403)
        }
    }

    @Test func anUnknownRevealValueIsRefused() async throws {
        try await withServer { server in
            let token = try server.loggedIn("li", .province)
            let response = try await server.send(.get, Self.route + "&reveal=everything", secret: token)
            #expect(response.status == .badRequest)
            #expect(try response.apiError.field == "reveal")
        }
    }

    @Test func masksKeepTheEndsOfTheNumbers() {
        #expect(Masking.maskPhone(Self.phone) == "138****5678")
        let masked = Operator(id: "x", node: "46010001", name: "陈", kind: .individual,
                              idNumber: Self.idNumber, phone: Self.phone).masked
        #expect(masked.idNumber == "4601**********123X" && masked.phone == "138****5678")
    }
}
