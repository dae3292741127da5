-- Run by neovim.test.ts in headless Neovim (0.7: start_client, buf_attach_client).
-- Attaches the standalone claim language server to a claim file, waits for its
-- diagnostics, asks for a hover, and prints one JSON line with what arrived.
local server = os.getenv('CLAIM_SERVER')
local file = os.getenv('CLAIM_FILE')
local hover_line = tonumber(os.getenv('CLAIM_HOVER_LINE'))
local hover_character = tonumber(os.getenv('CLAIM_HOVER_CHARACTER'))

local function finish(result, code)
  io.stdout:write(vim.fn.json_encode(result) .. '\n')
  io.stdout:flush()
  vim.cmd(code == 0 and 'qa!' or 'cq')
end

vim.cmd('edit ' .. vim.fn.fnameescape(file))
local buffer = vim.api.nvim_get_current_buf()
vim.bo[buffer].filetype = 'claim'

local client_id = vim.lsp.start_client({
  name = 'cpt-claims',
  cmd = { 'node', server, '--stdio' },
  root_dir = vim.fn.fnamemodify(file, ':h'),
})
if not client_id then
  finish({ error = 'the server did not start' }, 1)
  return
end
vim.lsp.buf_attach_client(buffer, client_id)

local arrived = vim.wait(10000, function()
  return #vim.diagnostic.get(buffer) > 0
end, 20)

local diagnostics = {}
for _, diagnostic in ipairs(vim.diagnostic.get(buffer)) do
  table.insert(diagnostics, {
    line = diagnostic.lnum,
    col = diagnostic.col,
    message = diagnostic.message,
    code = diagnostic.code or (diagnostic.user_data and diagnostic.user_data.lsp and diagnostic.user_data.lsp.code),
    source = diagnostic.source,
  })
end

local client = vim.lsp.get_client_by_id(client_id)
local hover = client.request_sync('textDocument/hover', {
  textDocument = { uri = vim.uri_from_bufnr(buffer) },
  position = { line = hover_line, character = hover_character },
}, 5000, buffer)

local hover_text = ''
if hover and hover.result and hover.result.contents then
  local contents = hover.result.contents
  hover_text = type(contents) == 'table' and (contents.value or vim.fn.json_encode(contents)) or tostring(contents)
end

client.stop()
finish({ arrived = arrived, diagnostics = diagnostics, hover = hover_text }, 0)
