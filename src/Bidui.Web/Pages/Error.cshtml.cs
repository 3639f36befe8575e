using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Bidui.Web.Pages;

/// <summary>
/// Every error in Chinese, for any method (a failed POST is re-executed as a POST): what happened and
/// what to do, never the exception, a server path or a stack trace (those go to the log).
/// </summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
public sealed class ErrorModel : PageModel
{
    public string Title { get; private set; } = "出错了";
    public string Text { get; private set; } = "";

    public void OnGet(int? code) => Describe(code);

    public void OnPost(int? code) => Describe(code);

    private void Describe(int? code)
    {
        int status = code ?? HttpContext.Response.StatusCode;
        if (status < 400) status = StatusCodes.Status500InternalServerError;
        Response.StatusCode = status;
        (Title, Text) = status switch
        {
            404 => ("页面不存在", "您访问的页面或记录不存在，或不在您的管辖范围内。请检查链接，或从菜单重新进入。"),
            403 => ("无权访问", "您的角色不能使用此功能。"),
            400 => ("请求无效", "提交的内容无效或页面已过期，请刷新页面后重试。"),
            409 => ("操作冲突", "该记录已被他人修改，请刷新页面后重试。"),
            413 => ("内容过大", "提交的文件或内容超过允许的大小，未被接收。"),
            _ => ("出错了", "处理请求时发生错误，请稍后再试。如问题持续，请联系管理员并告知发生的时间。"),
        };
    }
}
