// Package indicators finds scam indicators in Chinese text and explains every
// finding.
package indicators
