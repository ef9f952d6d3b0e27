extension MergeInputs {
    /// Takes in what a decided entry changed, so that the next entry of the push is decided on the store as it
    /// will be once this one is written.
    public mutating func take(_ decision: EntryDecision) {
        if let event = decision.event, decision.batchAfter == nil, let code = event.body.batchCode {
            heldEvents[code, default: []].append(event)
        }
        if let event = decision.event, case .equipment(_, let unit) = event.body {
            equipment[unit.equipmentCode, default: []].append(event)
        }
        for effect in decision.effects { take(effect) }
    }

    /// Takes in one effect.
    public mutating func take(_ effect: MergeEffect) {
        switch effect {
        case .linkCode(let code, _, _, _):
            takenCodes.insert(code)
        case .recordCertificate(let certificate, let eventId, let operatorId):
            // In the store's key order (certificate, event id).
            certificates[certificate, default: []].append(CertificateHolder(eventId: eventId, operatorId: operatorId))
            certificates[certificate]!.sort { $0.eventId < $1.eventId }
        case .registerOperator(let registered, let eventId, let aliasOf):
            // Stored with INSERT OR REPLACE: a re-registered id moves to the end of the store's order.
            if let previous = operators[registered.id]?.creditCode {
                let key = CreditKey(node: operators[registered.id]!.node, creditCode: previous)
                creditHolders[key]?.removeAll { $0 == registered.id }
            }
            let licences = LicenceRules.union(operators[registered.id]?.licences ?? [], registered.licences ?? [])
            operators[registered.id] = OperatorFacts(node: registered.node, creditCode: registered.creditCode,
                                                     eventId: eventId, canonicalId: aliasOf, licences: licences)
            if aliasOf == nil, let code = registered.creditCode {
                creditHolders[CreditKey(node: registered.node, creditCode: code), default: []].append(registered.id)
            }
        case .releaseOrphans(let batch):
            heldEvents[batch] = nil
        case .conflict(let change):
            conflicts.apply(change)
        case .saveBatch(let state):
            batches[state.code] = state
        case .holdOrphan, .flagOrphan, .saveEquipment, .linkItems, .linkContainer:
            break
        }
    }
}
