extension Double {
    /// The number as a message shows it: a whole number without a fraction (`300`), anything else as Swift
    /// writes it (`0.5`, `1e+300`, `nan`). Never traps, whatever the value: a template may hold any number.
    public var messageText: String {
        if rounded() == self, abs(self) < 1e15 { return String(Int64(self)) }
        return "\(self)"
    }
}
