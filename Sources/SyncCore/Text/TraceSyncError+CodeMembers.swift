/// Every code as a static member (`TraceSyncError(.seqGap, …)`), with what it means.
extension TraceSyncError.Code {
    /// `account_disabled`: The user's account is disabled.
    public static let accountDisabled = Self(.accountDisabled)
    /// `account_locked`: Too many failed logins locked the account for a while.
    public static let accountLocked = Self(.accountLocked)
    /// `already_imported`: The receipt was already imported.
    public static let alreadyImported = Self(.alreadyImported)
    /// `already_initialised`: The device database is already initialised.
    public static let alreadyInitialised = Self(.alreadyInitialised)
    /// `already_voided`: The event is already voided.
    public static let alreadyVoided = Self(.alreadyVoided)
    /// `audit_chain_broken`: The audit log's hash chain does not verify.
    public static let auditChainBroken = Self(.auditChainBroken)
    /// `backup_io`: Reading or writing a backup file failed.
    public static let backupIo = Self(.backupIo)
    /// `backup_link_altered`: A backup of the chain does not match the hash recorded for it.
    public static let backupLinkAltered = Self(.backupLinkAltered)
    /// `backup_link_missing`: A backup the chain needs is missing.
    public static let backupLinkMissing = Self(.backupLinkMissing)
    /// `backup_manifest_unreadable`: A backup manifest cannot be read or has an unknown format.
    public static let backupManifestUnreadable = Self(.backupManifestUnreadable)
    /// `backup_pages_altered`: A backup's data is missing or does not match its manifest.
    public static let backupPagesAltered = Self(.backupPagesAltered)
    /// `backup_path_outside`: A backup manifest names a file outside the backup directory.
    public static let backupPathOutside = Self(.backupPathOutside)
    /// `backup_previous_unusable`: The last backup cannot be read, so no incremental can build on it.
    public static let backupPreviousUnusable = Self(.backupPreviousUnusable)
    /// `backup_rebuild_mismatch`: The store rebuilt from a backup chain differs from what the chain recorded.
    public static let backupRebuildMismatch = Self(.backupRebuildMismatch)
    /// `bad_audit_head`: An audit chain head is not of the form `SEQ:HASH`.
    public static let badAuditHead = Self(.badAuditHead)
    /// `bad_audit_retention`: The audit retention is too short.
    public static let badAuditRetention = Self(.badAuditRetention)
    /// `bad_backup_interval`: A backup interval is not a positive number with a unit.
    public static let badBackupInterval = Self(.badBackupInterval)
    /// `bad_body`: The request body could not be read.
    public static let badBody = Self(.badBody)
    /// `bad_certificate`: A certificate number is not valid.
    public static let badCertificate = Self(.badCertificate)
    /// `bad_complaint_answer`: An answer to a complaint is not valid.
    public static let badComplaintAnswer = Self(.badComplaintAnswer)
    /// `bad_data_key`: The data key is not the base64 text of 32 bytes.
    public static let badDataKey = Self(.badDataKey)
    /// `bad_device_number`: A device number is outside 1…999.
    public static let badDeviceNumber = Self(.badDeviceNumber)
    /// `bad_drug_approval_number`: A drug approval number is not 国药准字 with H, Z, S or J and 8 digits.
    public static let badDrugApprovalNumber = Self(.badDrugApprovalNumber)
    /// `bad_drug_trace_code`: A drug trace code is not 20 digits.
    public static let badDrugTraceCode = Self(.badDrugTraceCode)
    /// `bad_equipment_code`: A special-equipment device code is not of the TSG 08 form.
    public static let badEquipmentCode = Self(.badEquipmentCode)
    /// `bad_expiry`: An expiry is neither a duration nor a future date.
    public static let badExpiry = Self(.badExpiry)
    /// `bad_food_licence`: A food production or business licence number is not SC or JY and 14 digits.
    public static let badFoodLicence = Self(.badFoodLicence)
    /// `bad_hazard_class`: A hazard class is not one of GB 6944's classes and divisions.
    public static let badHazardClass = Self(.badHazardClass)
    /// `bad_id_number`: A resident ID number is not valid.
    public static let badIdNumber = Self(.badIdNumber)
    /// `bad_industry_profile`: An industry profile file names an unknown kind or is malformed.
    public static let badIndustryProfile = Self(.badIndustryProfile)
    /// `bad_json`: The body is not JSON of the expected shape.
    public static let badJson = Self(.badJson)
    /// `bad_licence_number`: An operating licence number is not of its licence's form.
    public static let badLicenceNumber = Self(.badLicenceNumber)
    /// `bad_node`: A node code is not 8 digits.
    public static let badNode = Self(.badNode)
    /// `bad_node_kind`: A node kind is not one of the known kinds.
    public static let badNodeKind = Self(.badNodeKind)
    /// `bad_nodes`: A node admin names no node.
    public static let badNodes = Self(.badNodes)
    /// `bad_parameter`: A query or path parameter is not valid.
    public static let badParameter = Self(.badParameter)
    /// `bad_password`: A new password was not confirmed.
    public static let badPassword = Self(.badPassword)
    /// `bad_payload`: An entry's payload is missing a member or has one of the wrong type.
    public static let badPayload = Self(.badPayload)
    /// `bad_pesticide_registration`: A pesticide registration number is not PD, WP, LS or WL and its digits.
    public static let badPesticideRegistration = Self(.badPesticideRegistration)
    /// `bad_phone`: A phone number is not valid.
    public static let badPhone = Self(.badPhone)
    /// `bad_price`: A price is not a valid amount in yuan.
    public static let badPrice = Self(.badPrice)
    /// `bad_quantity`: A quantity is not a valid positive amount.
    public static let badQuantity = Self(.badQuantity)
    /// `bad_range`: A time range is not valid.
    public static let badRange = Self(.badRange)
    /// `bad_request`: The request is not valid HTTP for the route.
    public static let badRequest = Self(.badRequest)
    /// `bad_resolution`: A conflict resolution names an unknown action or choice.
    public static let badResolution = Self(.badResolution)
    /// `bad_result`: A test result is neither pass nor fail.
    public static let badResult = Self(.badResult)
    /// `bad_role`: A user role is not one of the known roles.
    public static let badRole = Self(.badRole)
    /// `bad_time`: A business time cannot be read.
    public static let badTime = Self(.badTime)
    /// `bad_un_number`: A UN number is not UN and 4 digits.
    public static let badUnNumber = Self(.badUnNumber)
    /// `bad_unit`: A unit is not one of the known units.
    public static let badUnit = Self(.badUnit)
    /// `bad_upstream_code`: An upstream code is not valid.
    public static let badUpstreamCode = Self(.badUpstreamCode)
    /// `bad_use_registration`: A special-equipment use-registration number is not of the TSG 08 form.
    public static let badUseRegistration = Self(.badUseRegistration)
    /// `bad_user_name`: A user name is not valid.
    public static let badUserName = Self(.badUserName)
    /// `bad_veterinary_approval`: A veterinary drug approval number is not 兽药字 and 9 digits.
    public static let badVeterinaryApproval = Self(.badVeterinaryApproval)
    /// `batch_disposed`: The batch is disposed of.
    public static let batchDisposed = Self(.batchDisposed)
    /// `batch_held`: The batch is under a food-safety hold.
    public static let batchHeld = Self(.batchHeld)
    /// `batch_voided`: The batch's receipt is voided.
    public static let batchVoided = Self(.batchVoided)
    /// `complaint_category`: A complaint names an unknown category.
    public static let complaintCategory = Self(.complaintCategory)
    /// `complaint_form`: A complaint form's token is missing, expired or not valid.
    public static let complaintForm = Self(.complaintForm)
    /// `complaint_markup`: A complaint's text contains markup.
    public static let complaintMarkup = Self(.complaintMarkup)
    /// `complaint_phone`: A complaint's phone number is not valid.
    public static let complaintPhone = Self(.complaintPhone)
    /// `complaint_text`: A complaint's text is empty or too long.
    public static let complaintText = Self(.complaintText)
    /// `conflict_resolved`: The conflict is already resolved.
    public static let conflictResolved = Self(.conflictResolved)
    /// `credit_code_check`: A unified social credit code's check character does not match.
    public static let creditCodeCheck = Self(.creditCodeCheck)
    /// `credit_code_format`: A unified social credit code is not well formed.
    public static let creditCodeFormat = Self(.creditCodeFormat)
    /// `csv_columns`: A CSV line has the wrong number of columns.
    public static let csvColumns = Self(.csvColumns)
    /// `csv_empty`: The CSV file is empty.
    public static let csvEmpty = Self(.csvEmpty)
    /// `csv_header`: The CSV file's first line does not name the right columns.
    public static let csvHeader = Self(.csvHeader)
    /// `csv_unclosed_quote`: A CSV quote is never closed.
    public static let csvUnclosedQuote = Self(.csvUnclosedQuote)
    /// `data_key_mismatch`: The data key does not match the database.
    public static let dataKeyMismatch = Self(.dataKeyMismatch)
    /// `data_key_missing`: No data key was found for the database.
    public static let dataKeyMissing = Self(.dataKeyMissing)
    /// `data_key_unreadable`: The data key file cannot be read.
    public static let dataKeyUnreadable = Self(.dataKeyUnreadable)
    /// `data_key_unwritable`: The data key file cannot be created.
    public static let dataKeyUnwritable = Self(.dataKeyUnwritable)
    /// `database_corrupt`: The database failed its integrity check.
    public static let databaseCorrupt = Self(.databaseCorrupt)
    /// `database_missing`: The database file does not exist.
    public static let databaseMissing = Self(.databaseMissing)
    /// `demo_data_missing`: The bundled demo data is missing.
    public static let demoDataMissing = Self(.demoDataMissing)
    /// `device_exists`: The device is already enrolled.
    public static let deviceExists = Self(.deviceExists)
    /// `device_number_taken`: The device number is already used at the node.
    public static let deviceNumberTaken = Self(.deviceNumberTaken)
    /// `device_numbers_exhausted`: The node has used all device numbers.
    public static let deviceNumbersExhausted = Self(.deviceNumbersExhausted)
    /// `device_revoked`: The device was revoked by an admin.
    public static let deviceRevoked = Self(.deviceRevoked)
    /// `duplicate_code`: The trace code is already taken.
    public static let duplicateCode = Self(.duplicateCode)
    /// `duplicate_node`: The node already exists.
    public static let duplicateNode = Self(.duplicateNode)
    /// `duplicate_operator`: The credit code is already registered to an operator.
    public static let duplicateOperator = Self(.duplicateOperator)
    /// `enroll_code_expired`: The enrollment code has expired.
    public static let enrollCodeExpired = Self(.enrollCodeExpired)
    /// `enroll_code_invalid`: The enrollment code is not valid.
    public static let enrollCodeInvalid = Self(.enrollCodeInvalid)
    /// `enroll_code_used`: The enrollment code was already used.
    public static let enrollCodeUsed = Self(.enrollCodeUsed)
    /// `enroll_node_mismatch`: The enrollment code is for another node than the device's.
    public static let enrollNodeMismatch = Self(.enrollNodeMismatch)
    /// `exceeds_balance`: The quantity exceeds the batch's balance.
    public static let exceedsBalance = Self(.exceedsBalance)
    /// `extra_arguments`: A command was given unexpected arguments.
    public static let extraArguments = Self(.extraArguments)
    /// `file_encoding`: A file is not UTF-8.
    public static let fileEncoding = Self(.fileEncoding)
    /// `file_exists`: A file to be written already exists.
    public static let fileExists = Self(.fileExists)
    /// `file_unreadable`: A file cannot be read.
    public static let fileUnreadable = Self(.fileUnreadable)
    /// `file_unwritable`: A file cannot be written.
    public static let fileUnwritable = Self(.fileUnwritable)
    /// `forbidden`: The caller may not do this.
    public static let forbidden = Self(.forbidden)
    /// `forbidden_scope`: The caller may not read or write outside its node.
    public static let forbiddenScope = Self(.forbiddenScope)
    /// `has_sales`: The batch has sales, so its receipt cannot be voided.
    public static let hasSales = Self(.hasSales)
    /// `integrity_violation`: An entry's hash or chain does not verify: the journal may have been altered.
    public static let integrityViolation = Self(.integrityViolation)
    /// `internal_error`: A failure inside the server or store, not of the input.
    public static let internalError = Self(.internalError)
    /// `last_province_admin`: The last active province admin cannot be disabled.
    public static let lastProvinceAdmin = Self(.lastProvinceAdmin)
    /// `login_failed`: The user name or password is wrong.
    public static let loginFailed = Self(.loginFailed)
    /// `master_data_missing`: The bundled master data is missing.
    public static let masterDataMissing = Self(.masterDataMissing)
    /// `method_not_allowed`: The route does not serve the request's method.
    public static let methodNotAllowed = Self(.methodNotAllowed)
    /// `missing_field`: A required field is missing.
    public static let missingField = Self(.missingField)
    /// `missing_host`: The request has no Host header.
    public static let missingHost = Self(.missingHost)
    /// `missing_password`: No password was given.
    public static let missingPassword = Self(.missingPassword)
    /// `no_backup_before`: No backup was taken at or before the time asked for.
    public static let noBackupBefore = Self(.noBackupBefore)
    /// `no_backups`: A directory holds no complete backup.
    public static let noBackups = Self(.noBackups)
    /// `not_correctable`: The field cannot be corrected.
    public static let notCorrectable = Self(.notCorrectable)
    /// `not_found`: There is no such route.
    public static let notFound = Self(.notFound)
    /// `not_held`: The batch is not held, so there is nothing to release.
    public static let notHeld = Self(.notHeld)
    /// `not_initialised`: The device database is not initialised.
    public static let notInitialised = Self(.notInitialised)
    /// `not_voidable`: The event cannot be voided.
    public static let notVoidable = Self(.notVoidable)
    /// `nothing_to_dispose`: The batch has no balance left to dispose of.
    public static let nothingToDispose = Self(.nothingToDispose)
    /// `openapi_missing`: The bundled API description is missing.
    public static let openapiMissing = Self(.openapiMissing)
    /// `out_of_scope`: The record belongs to another node.
    public static let outOfScope = Self(.outOfScope)
    /// `password_change_required`: The user must set a new password first.
    public static let passwordChangeRequired = Self(.passwordChangeRequired)
    /// `password_mismatch`: Two passwords typed differ.
    public static let passwordMismatch = Self(.passwordMismatch)
    /// `payload_id`: An entry's payload has no event id.
    public static let payloadId = Self(.payloadId)
    /// `payload_too_large`: The request body is over the size limit.
    public static let payloadTooLarge = Self(.payloadTooLarge)
    /// `personal_data_altered`: Stored personal data does not match its record.
    public static let personalDataAltered = Self(.personalDataAltered)
    /// `qr_text_too_long`: The text is too long for a QR code.
    public static let qrTextTooLong = Self(.qrTextTooLong)
    /// `rate_limited`: Too many requests from this client: it must wait.
    public static let rateLimited = Self(.rateLimited)
    /// `release_not_allowed`: A device cannot release a hold or undo a release.
    public static let releaseNotAllowed = Self(.releaseNotAllowed)
    /// `restore_target_exists`: A restore's target file already exists.
    public static let restoreTargetExists = Self(.restoreTargetExists)
    /// `retest_missing`: A hold cannot be released without a passing re-test.
    public static let retestMissing = Self(.retestMissing)
    /// `same_password`: The new password is the old one.
    public static let samePassword = Self(.samePassword)
    /// `seq_gap`: A push's entries do not follow the seq the server acknowledged.
    public static let seqGap = Self(.seqGap)
    /// `serials_exhausted`: The device has used all trace code serials for the day.
    public static let serialsExhausted = Self(.serialsExhausted)
    /// `session_expired`: The session or token has expired.
    public static let sessionExpired = Self(.sessionExpired)
    /// `tls_files`: A TLS certificate or key file cannot be read.
    public static let tlsFiles = Self(.tlsFiles)
    /// `too_many_entries`: A push carries more entries than allowed.
    public static let tooManyEntries = Self(.tooManyEntries)
    /// `trace_code_check`: A trace code's check digits do not match.
    public static let traceCodeCheck = Self(.traceCodeCheck)
    /// `trace_code_format`: A trace code is not 24 digits.
    public static let traceCodeFormat = Self(.traceCodeFormat)
    /// `unauthorized`: The request carries no valid credentials.
    public static let unauthorized = Self(.unauthorized)
    /// `unknown_batch`: No batch has the trace code.
    public static let unknownBatch = Self(.unknownBatch)
    /// `unknown_code`: No batch is linked to the code.
    public static let unknownCode = Self(.unknownCode)
    /// `unknown_complaint`: There is no complaint with the receipt number.
    public static let unknownComplaint = Self(.unknownComplaint)
    /// `unknown_conflict`: There is no such conflict.
    public static let unknownConflict = Self(.unknownConflict)
    /// `unknown_device`: There is no such device.
    public static let unknownDevice = Self(.unknownDevice)
    /// `unknown_event`: There is no such event.
    public static let unknownEvent = Self(.unknownEvent)
    /// `unknown_field`: An input carries a field the schema does not know.
    public static let unknownField = Self(.unknownField)
    /// `unknown_identifier`: An identifier kind is not one the industry uses.
    public static let unknownIdentifier = Self(.unknownIdentifier)
    /// `unknown_node`: There is no such node.
    public static let unknownNode = Self(.unknownNode)
    /// `unknown_operator`: There is no such operator.
    public static let unknownOperator = Self(.unknownOperator)
    /// `unknown_product`: There is no such product.
    public static let unknownProduct = Self(.unknownProduct)
    /// `unknown_region`: There is no such region.
    public static let unknownRegion = Self(.unknownRegion)
    /// `unknown_target`: An event names a record the server does not know.
    public static let unknownTarget = Self(.unknownTarget)
    /// `unknown_user`: There is no such user.
    public static let unknownUser = Self(.unknownUser)
    /// `unsupported_media_type`: The request body is not JSON.
    public static let unsupportedMediaType = Self(.unsupportedMediaType)
    /// `user_exists`: The user already exists.
    public static let userExists = Self(.userExists)
    /// `voided_code`: The sale of the code was voided.
    public static let voidedCode = Self(.voidedCode)
    /// `weak_password`: The password is too weak.
    public static let weakPassword = Self(.weakPassword)
    /// `write_failed`: Writing a file failed.
    public static let writeFailed = Self(.writeFailed)
    /// `wrong_device`: An entry carries another device's id.
    public static let wrongDevice = Self(.wrongDevice)
}
