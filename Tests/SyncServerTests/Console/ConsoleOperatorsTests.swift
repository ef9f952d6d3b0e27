import Foundation
import Hummingbird
import HummingbirdTesting
import SyncCore
import CentralCore
import CentralSQLite
@testable import SyncServer
import Testing

/// The console's operators page: merged aliases, personal numbers masked for everyone, revealed in full only to a
/// province admin and audited as the API's reveal is; each kind of admin at their own nodes only.
@Suite struct ConsoleOperatorsTests {
    static let idNumber = "46010219900315123X"
    static let phone = "13812345678"

    private func addIndividual(_ server: ServerHarness) throws {
        try server.admin { store in
            try store.upsert(Operator(id: "OP-46010001-901", node: "46010001", name: "陈小梅", kind: .individual,
                                      idNumber: Self.idNumber, phone: Self.phone))
        }
    }

    @Test func anOrganisationRegisteredOnTwoDevicesIsShownOnceWithTheOtherIdAsItsAlias() async throws {
        try await withServer { server in
            for (index, id) in ["OP-46010001-101", "OP-46010001-102"].enumerated() {
                let code = index == 0 ? server.codes["46010001"]!
                    : try server.admin { try $0.issueEnrollCode(node: "46010001", expiresAt: BusinessTime.now() + 60_000) }
                let enrolled = try await server.post("/v1/devices/enroll", EnrollRequest(code: code, deviceName: "机\(index)"))
                var journal = JournalWriter(device: try enrolled.decoded(EnrollResponse.self))
                try journal.append(.operatorRegistration(Operator(id: id, node: "46010001", name: "海南椰城鲜品贸易有限公司",
                                                                  kind: .organisation, creditCode: "91460106MA5W3C7P47")), id: id)
                try await server.push(journal)
            }
            try server.addUser("qian.audit", role: .auditor)
            var browser = ConsoleBrowser(server: server)
            try await browser.signIn("qian.audit")
            let page = try await browser.send(.get, "/console/operators?node=46010001")
            #expect(page.status == .ok)
            let rows = page.text.components(separatedBy: "<tr>").filter { $0.contains("海南椰城鲜品贸易有限公司") }
            #expect(rows.count == 1)
            #expect(rows.first?.contains("OP-46010001-101</span></td><td><span class=\"mono\">OP-46010001-102") == true)
        }
    }

    @Test(arguments: [AdminRole.province, .node, .auditor])
    func everyRoleSeesThePersonalNumbersMasked(role: AdminRole) async throws {
        try await withServer { server in
            try addIndividual(server)
            try server.addUser("wang.li", role: role, nodes: role == .node ? ["46010001"] : [])
            var browser = ConsoleBrowser(server: server)
            try await browser.signIn("wang.li")
            let page = try await browser.send(.get, "/console/operators")
            #expect(page.status == .ok, "the first node is shown without ?node=")
            #expect(page.text.contains("陈小梅"))
            #expect(!page.text.contains(Self.idNumber) && !page.text.contains(Self.phone))
            #expect(page.text.contains(Operator(id: "x", node: "46010001", name: "x", kind: .individual,
                                                idNumber: Self.idNumber, phone: Self.phone).masked.phone!))
            #expect(page.text.contains("reveal=personal") == (role == .province), "only a province admin is offered the reveal")
        }
    }

    @Test func aProvinceAdminRevealsTheFullNumbersAndTheViewIsAuditedAsPersonalReveal() async throws {
        try await withServer { server in
            try addIndividual(server)
            try server.addUser("li.province", role: .province)
            var browser = ConsoleBrowser(server: server)
            try await browser.signIn("li.province")
            let page = try await browser.send(.get, "/console/operators?node=46010001&reveal=personal")
            #expect(page.status == .ok)
            #expect(page.text.contains(Self.idNumber) && page.text.contains(Self.phone))
            let reveals = try server.admin { try $0.auditRecords(action: "personal.reveal") }.map(\.event)
            #expect(reveals.map(\.actor) == ["user:li.province"])
            #expect(reveals.map(\.target) == ["operators:46010001"])
            #expect(reveals.map(\.outcome) == [.success])
        }
    }

    @Test(arguments: [(AdminRole.node, ["46010001"]), (.auditor, [])])
    func anyoneButAProvinceAdminIsRefusedTheRevealAndSeesNothing(role: AdminRole, nodes: [String]) async throws {
        try await withServer { server in
            try addIndividual(server)
            try server.addUser("wang.li", role: role, nodes: nodes)
            var browser = ConsoleBrowser(server: server)
            try await browser.signIn("wang.li")
            let page = try await browser.send(.get, "/console/operators?node=46010001&reveal=personal")
            #expect(page.status == .forbidden)
            #expect(!page.text.contains(Self.idNumber) && !page.text.contains("陈小梅"))
        }
    }

    @Test func aNodeAdminOfAnotherNodeIsRefusedAndNoSessionIsSentToSignIn() async throws {
        try await withServer { server in
            try addIndividual(server)
            try server.addUser("zhao.other", role: .node, nodes: ["46010002"])
            var anonymous = ConsoleBrowser(server: server)
            let signIn = try await anonymous.send(.get, "/console/operators?node=46010001")
            #expect(signIn.status == .seeOther && signIn.headers[.location] == "/console/login")
            var browser = ConsoleBrowser(server: server)
            try await browser.signIn("zhao.other")
            let refused = try await browser.send(.get, "/console/operators?node=46010001")
            #expect(refused.status == .forbidden)
            #expect(!refused.text.contains("陈小梅"))
            let own = try await browser.send(.get, "/console/operators")
            #expect(own.status == .ok)
            #expect(own.text.contains("<option value=\"46010002\" selected>") && !own.text.contains("陈小梅"))
        }
    }
}
