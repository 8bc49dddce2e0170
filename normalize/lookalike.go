package normalize

// Cyrillic and Greek letters that look like Latin ones, indexed by
// rune-lookalikeBase. Only letters a reader takes for the Latin letter in
// ordinary fonts are here: the full Unicode confusables table would also
// turn 0 into O and 一 into ー, which breaks numbers and Chinese. Upper-case
// letters map to upper-case Latin, which the Case fold then lowers.
const lookalikeBase = 0x370

var lookalikes = [0x530 - lookalikeBase]byte{
	// Greek capitals.
	'Α' - lookalikeBase: 'A', 'Β' - lookalikeBase: 'B', 'Ε' - lookalikeBase: 'E',
	'Ζ' - lookalikeBase: 'Z', 'Η' - lookalikeBase: 'H', 'Ι' - lookalikeBase: 'I',
	'Κ' - lookalikeBase: 'K', 'Μ' - lookalikeBase: 'M', 'Ν' - lookalikeBase: 'N',
	'Ο' - lookalikeBase: 'O', 'Ρ' - lookalikeBase: 'P', 'Τ' - lookalikeBase: 'T',
	'Υ' - lookalikeBase: 'Y', 'Χ' - lookalikeBase: 'X', 'Ϳ' - lookalikeBase: 'J',
	'Ϲ' - lookalikeBase: 'C',
	// Greek small letters.
	'α' - lookalikeBase: 'a', 'ι' - lookalikeBase: 'i', 'κ' - lookalikeBase: 'k',
	'ν' - lookalikeBase: 'v', 'ο' - lookalikeBase: 'o', 'ρ' - lookalikeBase: 'p',
	'υ' - lookalikeBase: 'u', 'χ' - lookalikeBase: 'x', 'ϲ' - lookalikeBase: 'c',
	'ϳ' - lookalikeBase: 'j',
	// Cyrillic capitals.
	'А' - lookalikeBase: 'A', 'В' - lookalikeBase: 'B', 'Е' - lookalikeBase: 'E',
	'К' - lookalikeBase: 'K', 'М' - lookalikeBase: 'M', 'Н' - lookalikeBase: 'H',
	'О' - lookalikeBase: 'O', 'Р' - lookalikeBase: 'P', 'С' - lookalikeBase: 'C',
	'Т' - lookalikeBase: 'T', 'У' - lookalikeBase: 'Y', 'Х' - lookalikeBase: 'X',
	'І' - lookalikeBase: 'I', 'Ј' - lookalikeBase: 'J', 'Ѕ' - lookalikeBase: 'S',
	'Ү' - lookalikeBase: 'Y', 'Һ' - lookalikeBase: 'H', 'Ӏ' - lookalikeBase: 'I',
	'Ԛ' - lookalikeBase: 'Q', 'Ԝ' - lookalikeBase: 'W', 'Ѵ' - lookalikeBase: 'V',
	// Cyrillic small letters.
	'а' - lookalikeBase: 'a', 'в' - lookalikeBase: 'b', 'е' - lookalikeBase: 'e',
	'к' - lookalikeBase: 'k', 'м' - lookalikeBase: 'm', 'н' - lookalikeBase: 'h',
	'о' - lookalikeBase: 'o', 'р' - lookalikeBase: 'p', 'с' - lookalikeBase: 'c',
	'т' - lookalikeBase: 't', 'у' - lookalikeBase: 'y', 'х' - lookalikeBase: 'x',
	'і' - lookalikeBase: 'i', 'ј' - lookalikeBase: 'j', 'ѕ' - lookalikeBase: 's',
	'ү' - lookalikeBase: 'y', 'һ' - lookalikeBase: 'h', 'ӏ' - lookalikeBase: 'l',
	'ԁ' - lookalikeBase: 'd', 'ԛ' - lookalikeBase: 'q', 'ԝ' - lookalikeBase: 'w',
	'ѵ' - lookalikeBase: 'v',
}

// lookalike returns the Latin letter r looks like, or 0.
func lookalike(r rune) rune {
	if r < lookalikeBase || r >= lookalikeBase+rune(len(lookalikes)) {
		return 0
	}
	return rune(lookalikes[r-lookalikeBase])
}
