public import Foundation

/// Validates an EPCIS document file against GS1's EPCIS 2.0 JSON Schema (`/work/shared/epcis/EPCIS-JSON-Schema.json`,
/// draft-07) with `python3` and `jsonschema`. A missing schema, `python3` or `jsonschema` throws: a test that needs
/// this check fails rather than skips.
public enum EPCISValidation {
    /// The schema, beside the package: `../shared/epcis/EPCIS-JSON-Schema.json`.
    public static let schemaURL = Executables.packageRoot
        .appendingPathComponent("../shared/epcis/EPCIS-JSON-Schema.json").standardizedFileURL

    /// The violations of the document in `file`, one line each; empty when it is valid.
    public static func violations(ofFile file: URL) throws -> [String] {
        guard FileManager.default.fileExists(atPath: schemaURL.path) else {
            throw HarnessError("GS1's EPCIS schema is missing at \(schemaURL.path)")
        }
        let result = try ProcessRun.run(
            URL(fileURLWithPath: "/usr/bin/env"), ["python3", "-c", script, schemaURL.path, file.path],
            in: file.deletingLastPathComponent()
        )
        switch result.status {
        case 0: return []
        case 1: return result.stdout.split(separator: "\n").map(String.init)
        default: throw HarnessError("EPCIS schema validation did not run:\n\(result)")
        }
    }

    /// Exit 0 valid, 1 invalid (violations on stdout), 3 `jsonschema` missing.
    private static let script = #"""
        import json, sys
        try:
            import jsonschema
        except ImportError as error:
            print("python3 cannot import jsonschema (%s): python3 -m pip install jsonschema" % error)
            sys.exit(3)
        schema = json.load(open(sys.argv[1], encoding="utf-8"))
        document = json.load(open(sys.argv[2], encoding="utf-8"))
        jsonschema.Draft7Validator.check_schema(schema)
        validator = jsonschema.Draft7Validator(schema, format_checker=jsonschema.FormatChecker())
        errors = list(validator.iter_errors(document))
        for error in errors:
            print("/" + "/".join(str(part) for part in error.absolute_path) + ": " + error.message)
        sys.exit(1 if errors else 0)
        """#
}
