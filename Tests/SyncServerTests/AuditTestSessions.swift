import SyncCore
import CentralCore
import CentralSQLite
@testable import SyncServer

extension ServerHarness {
    /// Adds an admin user with `role` (and `nodes` for a node admin) straight in the store and logs them in;
    /// returns the session's bearer token.
    func loggedIn(_ name: String, _ role: AdminRole, nodes: [String] = []) throws -> String {
        try admin { store in
            let password = "Harbour-Lantern-7781"
            _ = try store.addAdminUser(name: name, role: role, nodes: nodes, password: password)
            return try store.login(name: name, password: password).token
        }
    }
}
