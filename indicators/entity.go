package indicators

// EntityKind names a kind of entity the extractors find.
type EntityKind string

// The entity kinds. Their string values are used in rule files and JSON
// reports.
const (
	MobileCN  EntityKind = "mobile_cn"  // mainland mobile number, 1[3-9] and 9 more digits
	PhoneIntl EntityKind = "phone_intl" // number with a foreign country code (+95, +855 …)
	QQ        EntityKind = "qq"         // QQ number (5–11 digits) near QQ/扣扣/企鹅/🐧
	WeChatID  EntityKind = "wechat_id"  // WeChat ID near 微信/vx/wx
	Telegram  EntityKind = "telegram"   // Telegram handle (@name near 飞机/TG…) or t.me link
	URL       EntityKind = "url"        // URL or bare domain
	Wallet    EntityKind = "wallet"     // USDT TRC-20 or ERC-20 wallet address
	BankCard  EntityKind = "bank_card"  // Luhn-valid bank card number, 16–19 digits
)

// EntityKinds lists every entity kind, in a fixed order.
var EntityKinds = []EntityKind{MobileCN, PhoneIntl, QQ, WeChatID, Telegram, URL, Wallet, BankCard}

// kindIndex returns the index of kind in EntityKinds, or -1. A Detect asks
// it for every entity leaf of the rules, and a switch costs less than
// comparing with the kinds in turn.
func kindIndex(kind EntityKind) int {
	switch kind {
	case MobileCN:
		return 0
	case PhoneIntl:
		return 1
	case QQ:
		return 2
	case WeChatID:
		return 3
	case Telegram:
		return 4
	case URL:
		return 5
	case Wallet:
		return 6
	case BankCard:
		return 7
	}
	return -1
}

// An Extracted entity found in a text: what it is, its value in canonical
// form, and where it stands in the original text.
type Extracted struct {
	Kind EntityKind `json:"kind"`
	// Value is the canonical value: digits only for numbers ("13812345678",
	// "+959123456789"), lower case for handles and IDs ("@name" for
	// Telegram, or the link for a Telegram invitation, whose code keeps its
	// case), the address as written for wallets, the URL with scheme for
	// links ("http://" when none was written; host in lower case, the rest
	// as written).
	Value string `json:"value"`
	// Detail qualifies the value: the country for PhoneIntl ("Myanmar"), the
	// network for Wallet ("trc20", "erc20"), "invite" for a Telegram
	// invitation link, for URL a comma-separated list of flags among
	// "short_link", "ip_host", "bare_domain", in that order.
	Detail string `json:"detail,omitempty"`
	Start  int    `json:"start"` // byte offset of the evidence in the original text
	End    int    `json:"end"`   // byte offset just past the evidence
	// Evidence is the original text from Start to End.
	Evidence string `json:"evidence"`
}
