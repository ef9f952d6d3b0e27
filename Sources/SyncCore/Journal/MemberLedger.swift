/// What a strict decode saw: for every JSON object a decoder opened, its members and the ones the decoded type asked
/// for. A member never asked for is unknown to the type, so the allowed members come from the types themselves and
/// cannot drift from a hand-kept list.
///
/// Used by one decode on one thread; never shared.
final class MemberLedger {
    private struct Object {
        let members: Set<String>
        var asked: Set<String> = []
    }

    private var objects: [String: Object] = [:]
    private var order: [String] = []

    /// Notes that the object at `path`, with `members`, was opened by a keyed container.
    func opened(_ path: [any CodingKey], members: some Sequence<String>) {
        let key = CodingPath.text(path)
        guard objects[key] == nil else { return }
        objects[key] = Object(members: Set(members))
        order.append(key)
    }

    /// Notes that the type asked for `member` of the object at `path` (whether or not it was there).
    func asked(_ path: [any CodingKey], _ member: String) {
        objects[CodingPath.text(path)]?.asked.insert(member)
    }

    /// Notes that the type read every member of the object at `path` (a dictionary).
    func askedAll(_ path: [any CodingKey]) {
        let key = CodingPath.text(path)
        guard let object = objects[key] else { return }
        objects[key]?.asked = object.members
    }

    /// The path of the first member no type asked for: objects in the order they were opened, members sorted.
    var firstUnknownMember: String? {
        for key in order {
            guard let object = objects[key],
                  let unknown = object.members.subtracting(object.asked).sorted().first else { continue }
            return key.isEmpty ? unknown : "\(key).\(unknown)"
        }
        return nil
    }
}

/// Coding paths as people read them.
public enum CodingPath {
    /// `entries[3].seq` for the coding path entries → 3 → seq.
    public static func text(_ codingPath: [any CodingKey]) -> String {
        codingPath.reduce(into: "") { text, key in
            if let index = key.intValue {
                text += "[\(index)]"
            } else {
                text += text.isEmpty ? key.stringValue : ".\(key.stringValue)"
            }
        }
    }
}
