extension Operator {
    /// The operator as listings show it to those who do not need the personal numbers: the ID card number
    /// (`4601**********1234`) and phone (`138****5678`) masked, everything else as it is.
    public var masked: Operator {
        var copy = self
        copy.idNumber = idNumber.map(Masking.mask)
        copy.phone = phone.map(Masking.maskPhone)
        return copy
    }
}
