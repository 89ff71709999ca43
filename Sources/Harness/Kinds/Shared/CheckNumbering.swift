/// The number of a case or point that a `checks` entry names, counted from 1 like every
/// output, figure name and README (1 when the key is absent); 0 or less is an error at the
/// key, with the hint.
func countedFromOne(_ c: KeyedDecodingContainer<AnyKey>, _ key: String, plural: String) throws
  -> Int
{
  let number = try c.optional(key, as: Int.self, expected: "a \(key) number from 1") ?? 1
  guard number >= 1 else {
    throw c.error(
      key,
      "'\(key): \(number)': \(plural) are numbered from 1, as in the outputs and figure names "
        + "(the first is '\(key): 1')")
  }
  return number
}
