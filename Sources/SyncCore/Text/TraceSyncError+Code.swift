extension TraceSyncError {
    /// A stable machine-readable reason for a refusal, e.g. ``seqGap`` (`seq_gap` on the wire).
    ///
    /// A struct wrapping an enum, as swift-nio's `FileSystemError.Code` is, so that codes can be added without
    /// breaking callers, while inside the package a `switch` over ``value`` is exhaustive: the server maps each code
    /// to its HTTP status with no `default:`. It encodes as its string, which scripts and devices match.
    public struct Code: Hashable, Sendable, CustomStringConvertible, Codable {
        /// Every code, one case each; its raw value is the code's string on the wire.
        package enum Value: String, CaseIterable, Sendable {
        case accountDisabled = "account_disabled"
        case accountLocked = "account_locked"
        case alreadyImported = "already_imported"
        case alreadyInitialised = "already_initialised"
        case alreadyVoided = "already_voided"
        case auditChainBroken = "audit_chain_broken"
        case backupIo = "backup_io"
        case backupLinkAltered = "backup_link_altered"
        case backupLinkMissing = "backup_link_missing"
        case backupManifestUnreadable = "backup_manifest_unreadable"
        case backupPagesAltered = "backup_pages_altered"
        case backupPathOutside = "backup_path_outside"
        case backupPreviousUnusable = "backup_previous_unusable"
        case backupRebuildMismatch = "backup_rebuild_mismatch"
        case badAuditHead = "bad_audit_head"
        case badAuditRetention = "bad_audit_retention"
        case badBackupInterval = "bad_backup_interval"
        case badBody = "bad_body"
        case badCertificate = "bad_certificate"
        case badComplaintAnswer = "bad_complaint_answer"
        case badDataKey = "bad_data_key"
        case badDeviceNumber = "bad_device_number"
        case badDrugApprovalNumber = "bad_drug_approval_number"
        case badDrugTraceCode = "bad_drug_trace_code"
        case badEquipmentCode = "bad_equipment_code"
        case badExpiry = "bad_expiry"
        case badFoodLicence = "bad_food_licence"
        case badHazardClass = "bad_hazard_class"
        case badIdNumber = "bad_id_number"
        case badIndustryProfile = "bad_industry_profile"
        case badJson = "bad_json"
        case badLicenceNumber = "bad_licence_number"
        case badNode = "bad_node"
        case badNodeKind = "bad_node_kind"
        case badNodes = "bad_nodes"
        case badParameter = "bad_parameter"
        case badPassword = "bad_password"
        case badPayload = "bad_payload"
        case badPesticideRegistration = "bad_pesticide_registration"
        case badPhone = "bad_phone"
        case badPrice = "bad_price"
        case badQuantity = "bad_quantity"
        case badRange = "bad_range"
        case badRequest = "bad_request"
        case badResolution = "bad_resolution"
        case badResult = "bad_result"
        case badRole = "bad_role"
        case badTime = "bad_time"
        case badUnNumber = "bad_un_number"
        case badUnit = "bad_unit"
        case badUpstreamCode = "bad_upstream_code"
        case badUseRegistration = "bad_use_registration"
        case badUserName = "bad_user_name"
        case badVeterinaryApproval = "bad_veterinary_approval"
        case batchDisposed = "batch_disposed"
        case batchHeld = "batch_held"
        case batchVoided = "batch_voided"
        case complaintCategory = "complaint_category"
        case complaintForm = "complaint_form"
        case complaintMarkup = "complaint_markup"
        case complaintPhone = "complaint_phone"
        case complaintText = "complaint_text"
        case conflictResolved = "conflict_resolved"
        case creditCodeCheck = "credit_code_check"
        case creditCodeFormat = "credit_code_format"
        case csvColumns = "csv_columns"
        case csvEmpty = "csv_empty"
        case csvHeader = "csv_header"
        case csvUnclosedQuote = "csv_unclosed_quote"
        case dataKeyMismatch = "data_key_mismatch"
        case dataKeyMissing = "data_key_missing"
        case dataKeyUnreadable = "data_key_unreadable"
        case dataKeyUnwritable = "data_key_unwritable"
        case databaseCorrupt = "database_corrupt"
        case databaseMissing = "database_missing"
        case demoDataMissing = "demo_data_missing"
        case deviceExists = "device_exists"
        case deviceNumberTaken = "device_number_taken"
        case deviceNumbersExhausted = "device_numbers_exhausted"
        case deviceRevoked = "device_revoked"
        case duplicateCode = "duplicate_code"
        case duplicateNode = "duplicate_node"
        case duplicateOperator = "duplicate_operator"
        case enrollCodeExpired = "enroll_code_expired"
        case enrollCodeInvalid = "enroll_code_invalid"
        case enrollCodeUsed = "enroll_code_used"
        case enrollNodeMismatch = "enroll_node_mismatch"
        case exceedsBalance = "exceeds_balance"
        case extraArguments = "extra_arguments"
        case fileEncoding = "file_encoding"
        case fileExists = "file_exists"
        case fileUnreadable = "file_unreadable"
        case fileUnwritable = "file_unwritable"
        case forbidden = "forbidden"
        case forbiddenScope = "forbidden_scope"
        case hasSales = "has_sales"
        case integrityViolation = "integrity_violation"
        case internalError = "internal_error"
        case lastProvinceAdmin = "last_province_admin"
        case loginFailed = "login_failed"
        case masterDataMissing = "master_data_missing"
        case methodNotAllowed = "method_not_allowed"
        case missingField = "missing_field"
        case missingHost = "missing_host"
        case missingPassword = "missing_password"
        case noBackupBefore = "no_backup_before"
        case noBackups = "no_backups"
        case notCorrectable = "not_correctable"
        case notFound = "not_found"
        case notHeld = "not_held"
        case notInitialised = "not_initialised"
        case notVoidable = "not_voidable"
        case nothingToDispose = "nothing_to_dispose"
        case openapiMissing = "openapi_missing"
        case outOfScope = "out_of_scope"
        case passwordChangeRequired = "password_change_required"
        case passwordMismatch = "password_mismatch"
        case payloadId = "payload_id"
        case payloadTooLarge = "payload_too_large"
        case personalDataAltered = "personal_data_altered"
        case qrTextTooLong = "qr_text_too_long"
        case rateLimited = "rate_limited"
        case releaseNotAllowed = "release_not_allowed"
        case restoreTargetExists = "restore_target_exists"
        case retestMissing = "retest_missing"
        case samePassword = "same_password"
        case seqGap = "seq_gap"
        case serialsExhausted = "serials_exhausted"
        case sessionExpired = "session_expired"
        case tlsFiles = "tls_files"
        case tooManyEntries = "too_many_entries"
        case traceCodeCheck = "trace_code_check"
        case traceCodeFormat = "trace_code_format"
        case unauthorized = "unauthorized"
        case unknownBatch = "unknown_batch"
        case unknownCode = "unknown_code"
        case unknownComplaint = "unknown_complaint"
        case unknownConflict = "unknown_conflict"
        case unknownDevice = "unknown_device"
        case unknownEvent = "unknown_event"
        case unknownField = "unknown_field"
        case unknownIdentifier = "unknown_identifier"
        case unknownNode = "unknown_node"
        case unknownOperator = "unknown_operator"
        case unknownProduct = "unknown_product"
        case unknownRegion = "unknown_region"
        case unknownTarget = "unknown_target"
        case unknownUser = "unknown_user"
        case unsupportedMediaType = "unsupported_media_type"
        case userExists = "user_exists"
        case voidedCode = "voided_code"
        case weakPassword = "weak_password"
        case writeFailed = "write_failed"
        case wrongDevice = "wrong_device"
        }

        /// The code as a case, for exhaustive switches inside the package.
        package let value: Value

        /// The code of a case; inside SyncCore only, so every code has its static member.
        init(_ value: Value) {
            self.value = value
        }

        /// The code whose string is `rawValue`, or nil if no code has that string.
        public init?(rawValue: String) {
            guard let value = Value(rawValue: rawValue) else { return nil }
            self.value = value
        }

        /// The code's string on the wire, e.g. `seq_gap`.
        public var rawValue: String { value.rawValue }

        public var description: String { value.rawValue }

        /// Every code.
        public static var allCases: [Self] { Value.allCases.map(Self.init) }

        /// Decodes the code's string; a string that names no code is a `DecodingError.dataCorrupted` saying which.
        public init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            let string = try container.decode(String.self)
            guard let code = Self(rawValue: string) else {
                throw DecodingError.dataCorruptedError(
                    in: container, debugDescription: "unknown error code \"\(string)\"")
            }
            self = code
        }

        /// Encodes the code as its string.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            try container.encode(rawValue)
        }
    }
}
