public import SyncCore

extension SupervisionStats {
    /// The counts of the nodes `admin` may see: all of them for province admins and auditors, their own for a node
    /// admin.
    public func visible(to admin: AdminPrincipal) -> SupervisionStats {
        guard admin.isLimitedToNodes else { return self }
        return SupervisionStats(
            days: days.filter { admin.mayAccess(node: $0.node) },
            openConflicts: openConflicts.filter { admin.mayAccess(node: $0.key) },
            quietDevices: quietDevices.filter { admin.mayAccess(node: $0.node) }
        )
    }
}
