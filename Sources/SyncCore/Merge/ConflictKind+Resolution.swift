extension ConflictKind {
    /// How an admin may settle a conflict of this kind: only a concurrent edit has candidate values to choose from
    /// or a field to set; every kind can void one of its events or be accepted as it stands.
    public var resolutionActions: [ResolutionAction] {
        switch self {
        case .concurrentEdit: [.choose, .set, .void, .accept]
        // A unit's events have no batch to void them in: the admin accepts, and follows up on site.
        case .decommissionedInUse: [.accept]
        case .oversold, .heldTraded, .holdVoided, .certificateReuse, .duplicateOperator, .orphan, .implausibleTime,
             .unlicensedSale, .packingConflict:
            [.void, .accept]
        }
    }
}
