/// A UN number (联合国编号) of the UN Model Regulations on the Transport of Dangerous Goods, as GB 12268 lists
/// them: UN and 4 digits, e.g. UN1075 for liquefied petroleum gas. UN0000 names no substance.
public enum UNNumber {
    /// Checks `input` and returns it without surrounding spaces.
    /// - Throws: `TraceSyncError` `bad_un_number`.
    public static func validate(_ input: String, field: String = "un-number") throws -> String {
        let number = input.trimmingSpaces
        guard let digits = IdentifierScanning.dropping("UN", from: number), digits.count == 4,
              IdentifierScanning.isDigits(digits), digits != "0000" else {
            throw TraceSyncError(
                .badUnNumber, field: field,
                zh: "联合国编号「\(input)」格式错误：应为大写 UN 加 4 位数字，如 UN1075（液化石油气），请对照安全技术说明书或包装标志输入。",
                en: "UN number \"\(input)\" is not valid: it is a capital UN and 4 digits, e.g. UN1075 (LPG); copy it from the safety data sheet or the package mark."
            )
        }
        return number
    }
}
