extension MergeInputs {
    /// Unit `code` as its merged life events make it; nil when the store holds none.
    public func equipmentState(_ code: String) -> EquipmentState? {
        equipment[code].flatMap { EquipmentState.derive(code: code, events: $0) }
    }
}
