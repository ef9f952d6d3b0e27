import Foundation
import SyncCore
import CentralCore
import CentralSQLite
@testable import SyncServer

extension ServerHarness {
    /// The password every admin the helpers make gets.
    static let adminPassword = "Haikou-Mango-2026"

    /// A session token of a province admin, `province`, made in the store as `admin user add` makes it.
    func adminToken() throws -> String {
        try session(of: "province", role: .province)
    }

    /// A session token of the user `name`, added with `role` and `nodes` unless they exist.
    func session(of name: String, role: AdminRole, nodes: [String] = []) throws -> String {
        try admin { store in
            if try !store.adminUsers().contains(where: { $0.name == name }) {
                try store.addAdminUser(name: name, role: role, nodes: nodes, password: Self.adminPassword)
            }
            return try store.login(name: name, password: Self.adminPassword).token
        }
    }
}
