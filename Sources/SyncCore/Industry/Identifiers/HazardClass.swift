/// A hazard class of GB 6944-2012 (危险货物分类和品名编号, following the UN Model Regulations): a class 1–9 and,
/// for the classes that have them, the division: 1.1–1.6 (explosives, optionally with a compatibility group
/// letter, e.g. 1.4G), 2.1–2.3 (gases), 3, 4.1–4.3, 5.1–5.2, 6.1–6.2, 7, 8, 9.
public enum HazardClass {
    /// The divisions each class has; a class with none is written alone.
    static let divisions: [Character: ClosedRange<Int>] = ["1": 1...6, "2": 1...3, "4": 1...3, "5": 1...2, "6": 1...2]
    static let undivided: Set<Character> = ["3", "7", "8", "9"]
    /// GB 6944's compatibility groups of class 1.
    static let compatibilityGroups: Set<Character> = Set("ABCDEFGHJKLNS")

    /// Checks `input` and returns it without surrounding spaces.
    /// - Throws: `TraceSyncError` `bad_hazard_class`.
    public static func validate(_ input: String, field: String = "hazard-class") throws -> String {
        let value = input.trimmingSpaces
        guard isValid(Array(value)) else {
            throw TraceSyncError(
                .badHazardClass, field: field,
                zh: "危险货物类别「\(input)」无效：应为 GB 6944 的类别或项别：1.1–1.6（可加配装组字母，如 1.4G）、2.1–2.3、3、4.1–4.3、5.1、5.2、6.1、6.2、7、8、9。",
                en: "hazard class \"\(input)\" is not valid: use a GB 6944 class or division: 1.1–1.6 (optionally with its compatibility group, e.g. 1.4G), 2.1–2.3, 3, 4.1–4.3, 5.1, 5.2, 6.1, 6.2, 7, 8, 9."
            )
        }
        return value
    }

    static func isValid(_ c: [Character]) -> Bool {
        guard let first = c.first else { return false }
        if undivided.contains(first) { return c.count == 1 }
        guard let range = divisions[first], c.count >= 3, c[1] == ".", let division = c[2].wholeNumberValue,
              c[2].isASCIIDigit, range.contains(division) else { return false }
        if c.count == 3 { return true }
        return first == "1" && c.count == 4 && compatibilityGroups.contains(c[3])
    }
}
