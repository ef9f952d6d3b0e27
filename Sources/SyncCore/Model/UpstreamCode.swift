/// A supplier's trace code, in the one form that recording stores and every lookup searches for: one of this
/// system's codes as its 24 digits (however it was grouped), another system's code as written, hyphens included,
/// since they are part of it (`SH469023-20261202-0007`). Whether a code is one of ours, and its digits, are decided by
/// `TraceCode.hasOwnFormat` and `TraceCode.compacted`, so full-width digits and spaces are read as `TraceCode` reads them.
public enum UpstreamCode {
    /// The stored form of `input`.
    public static func key(_ input: String) -> String {
        let text = input.trimmingSpaces
        return TraceCode.hasOwnFormat(text) ? TraceCode.compacted(text) : text
    }
}
