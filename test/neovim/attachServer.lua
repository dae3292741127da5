-- Run by neovim.test.ts in headless Neovim 0.7, after the init.lua the test
-- wrote from docs/other-editors.md: that snippet, not this file, names the
-- file types and starts the server. This opens each claim file the test names,
-- waits for each one's diagnostics, asks for a hover in the first, and prints
-- one JSON line with what arrived: each file's filetype and diagnostics, and
-- the cpt-claims clients running.
local files = vim.split(os.getenv('CLAIM_FILES'), '\n', { trimempty = true })
local hover_line = tonumber(os.getenv('CLAIM_HOVER_LINE'))
local hover_character = tonumber(os.getenv('CLAIM_HOVER_CHARACTER'))

local function finish(result, code)
  io.stdout:write(vim.fn.json_encode(result) .. '\n')
  io.stdout:flush()
  vim.cmd(code == 0 and 'qa!' or 'cq')
end

local function clients_of(buffer)
  local ids = {}
  for id, client in pairs(vim.lsp.buf_get_clients(buffer)) do
    if client.name == 'cpt-claims' then
      table.insert(ids, id)
    end
  end
  return ids
end

local opened = {}
for _, file in ipairs(files) do
  vim.cmd('edit ' .. vim.fn.fnameescape(file))
  local buffer = vim.api.nvim_get_current_buf()
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
  table.insert(opened, {
    buffer = buffer,
    filetype = vim.bo[buffer].filetype,
    arrived = arrived,
    diagnostics = diagnostics,
    clients = clients_of(buffer),
  })
end

local running = {}
for _, client in ipairs(vim.lsp.get_active_clients()) do
  if client.name == 'cpt-claims' then
    table.insert(running, client.id)
  end
end

local hover_text = ''
local first = opened[1]
local client = first and first.clients[1] and vim.lsp.get_client_by_id(first.clients[1])
if client then
  local hover = client.request_sync('textDocument/hover', {
    textDocument = { uri = vim.uri_from_bufnr(first.buffer) },
    position = { line = hover_line, character = hover_character },
  }, 5000, first.buffer)
  if hover and hover.result and hover.result.contents then
    local contents = hover.result.contents
    hover_text = type(contents) == 'table' and (contents.value or vim.fn.json_encode(contents)) or tostring(contents)
  end
end

for _, id in ipairs(running) do
  vim.lsp.get_client_by_id(id).stop()
end
finish({ files = opened, clients = running, hover = hover_text }, 0)
