// Issue 10 item 6: revocation words in every form a customer types them.
// Each test would fail on the old matcher, which knew six ASCII words as the
// whole message only.
#include "messaging/sms_keywords.hpp"

#include <gtest/gtest.h>

#include <string>

#include "messaging/reply_words.hpp"

using bulwark::messaging::classify_inbound;
using bulwark::messaging::Keyword;
using bulwark::messaging::reply_words;

TEST(SmsKeywords, EveryOptOutWordOfTheTableIsAnOptOutBareAndInAShortReply) {
  for (const auto& k : bulwark::messaging::keyword_table()) {
    if (k.keyword != Keyword::opt_out) continue;
    const std::string phrase(k.phrase);
    EXPECT_EQ(classify_inbound(phrase), Keyword::opt_out) << phrase;
    EXPECT_EQ(classify_inbound(phrase + " please"), Keyword::opt_out) << phrase;
    EXPECT_EQ(classify_inbound("  " + phrase + "!!!\n"), Keyword::opt_out) << phrase;
  }
}

TEST(SmsKeywords, RevokeOptOutAndOptoutAreOptOuts) {
  for (auto w : {"REVOKE", "revoke", "OPT OUT", "opt out", "Opt-Out", "OPTOUT", "optout."})
    EXPECT_EQ(classify_inbound(w), Keyword::opt_out) << w;
}

TEST(SmsKeywords, ShortRepliesWhoseFirstWordIsAStopWordAreOptOuts) {
  for (auto w : {"stop please", "STOP!!!", "Stop texting me", "stop texting me please",
                 "Please stop", "pls STOP", "Unsubscribe me", "quit it", "STOP ALL",
                 "stop, please.", "¡Stop!", "stop 🙏", "\"STOP\""})
    EXPECT_EQ(classify_inbound(w), Keyword::opt_out) << w;
}

TEST(SmsKeywords, FullWidthAndCompatibilityFormsAreNormalisedNfkc) {
  EXPECT_EQ(classify_inbound("ＳＴＯＰ"), Keyword::opt_out);                // full-width
  EXPECT_EQ(classify_inbound("ｓｔｏｐ　ｐｌｅａｓｅ"), Keyword::opt_out);  // ideographic space
  EXPECT_EQ(classify_inbound("ＯＰＴ　ＯＵＴ"), Keyword::opt_out);
  EXPECT_EQ(classify_inbound("ＳＴＯＰ！！"), Keyword::opt_out);  // full-width punctuation
  EXPECT_EQ(classify_inbound("Ⓢⓣⓞⓟ"), Keyword::opt_out);          // circled letters
  EXPECT_EQ(classify_inbound("S\u200bTOP"), Keyword::opt_out);    // zero-width space
  EXPECT_EQ(classify_inbound("𝐒𝐓𝐎𝐏"), Keyword::opt_out);          // mathematical bold
  EXPECT_EQ(classify_inbound("ＳＴＡＲＴ"), Keyword::opt_in);
}

TEST(SmsKeywords, ALongSentenceThatMerelyContainsStopIsConversation) {
  for (auto w : {"please stop by at 3", "stop by at 3 if you can", "Can you stop at the back gate",
                 "I will be at the end of the drive", "do not stop", "stopped by earlier",
                 "nonstop rain here"})
    EXPECT_EQ(classify_inbound(w), Keyword::none) << w;
}

TEST(SmsKeywords, OptInHelpAndYesCountOnlyAsTheWholeMessage) {
  EXPECT_EQ(classify_inbound("START"), Keyword::opt_in);
  EXPECT_EQ(classify_inbound("unstop!"), Keyword::opt_in);
  EXPECT_EQ(classify_inbound("start the job early"), Keyword::none);
  EXPECT_EQ(classify_inbound("Help"), Keyword::help);
  EXPECT_EQ(classify_inbound("INFO?"), Keyword::help);
  EXPECT_EQ(classify_inbound("help me move the car"), Keyword::none);
  EXPECT_EQ(classify_inbound("ＹＥＳ"), Keyword::confirm);
  EXPECT_EQ(classify_inbound("yes, but stop texting"), Keyword::none);
  EXPECT_EQ(classify_inbound("stop yes"), Keyword::opt_out);  // opt-out wins
}

TEST(SmsKeywords, EmptyPunctuationAndInvalidUtf8AreNotKeywords) {
  EXPECT_EQ(classify_inbound(""), Keyword::none);
  EXPECT_EQ(classify_inbound("!!! ..."), Keyword::none);
  EXPECT_EQ(classify_inbound("\xff\xfe"), Keyword::none);
  // Bytes that are not UTF-8 separate ASCII words instead of hiding them.
  EXPECT_EQ(classify_inbound("\xffSTOP\xff"), Keyword::opt_out);
}

TEST(SmsKeywords, ReplyWordsFoldCaseAndSplitOnPunctuation) {
  EXPECT_EQ(reply_words("  Opt-Out,  PLEASE!! "),
            (std::vector<std::string>{"opt", "out", "please"}));
  EXPECT_EQ(reply_words("ＳＴＯＰ"), (std::vector<std::string>{"stop"}));
  EXPECT_EQ(reply_words("café crème"), (std::vector<std::string>{"café", "crème"}));
}

TEST(SmsKeywords, TwilioConfirmsOnlyItsOwnWholeMessageKeywords) {
  using bulwark::messaging::twilio_handles_opt_out;
  EXPECT_TRUE(twilio_handles_opt_out(" stop "));
  EXPECT_TRUE(twilio_handles_opt_out("OPTOUT"));
  EXPECT_FALSE(twilio_handles_opt_out("stop please"));
  EXPECT_FALSE(twilio_handles_opt_out("ＳＴＯＰ"));
  EXPECT_FALSE(twilio_handles_opt_out("OPT OUT"));
}
