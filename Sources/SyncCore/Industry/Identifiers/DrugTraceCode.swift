/// The national drug trace code (药品追溯码) in its 20-digit form (the former 中国药品电子监管码, now issued through
/// 码上放心): digits 1–7 identify the product and package level, 8–16 are the item's serial and 17–20 a check
/// computed by the issuing platform with an algorithm that is not published, so only the form is checked here.
public enum DrugTraceCode {
    /// Checks `input` and returns it without surrounding spaces.
    /// - Throws: `TraceSyncError` `bad_drug_trace_code`.
    public static func validate(_ input: String, field: String = "drug-trace-code") throws -> String {
        let code = input.trimmingSpaces
        guard code.count == 20, IdentifierScanning.isDigits(code[...]) else {
            throw TraceSyncError(
                .badDrugTraceCode, field: field,
                zh: "药品追溯码「\(input)」格式错误：应为 20 位数字（药盒条码下的数字），收到 \(code.count) 个字符，请扫码或重新输入。",
                en: "drug trace code \"\(input)\" is not valid: it is 20 digits (printed under the box's barcode), got \(code.count) characters; scan it or type it again."
            )
        }
        return code
    }
}
