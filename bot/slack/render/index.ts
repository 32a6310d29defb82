export { renderSlackMessage, renderSlackBlocks, type SlackMessage } from "./message.js";
export { renderSlackModal, renderSlackResultModal, renderSlackFormReply, slackFormErrors } from "./modal.js";
export { renderSlackHome } from "./home.js";
export { parseSlackFormValues, parseSlackFormState } from "./form-values.js";
